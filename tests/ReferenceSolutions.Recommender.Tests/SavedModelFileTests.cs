using System.Buffers.Binary;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Models;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The refsol-array side file and the saved folders under damage: every truncation, wrong magic, version, type or size
/// is a <see cref="DataFormatException"/> naming the file and the field, never a wrong number; and the same seed saves
/// the same bytes.
/// </summary>
public sealed class SavedModelFileTests(SavedModelsFixture run) : IClassFixture<SavedModelsFixture>
{
    [Fact]
    public void ArrayFilesRoundTripTheirValuesExactly()
    {
        string path = Temp("round.bin");
        double[] values = [1.0, -0.0, double.Epsilon, Math.PI, 1e300, -2.5];
        BinaryArrayFile.WriteDoubles(path, 2, 3, values);
        Assert.Equal(BinaryArrayFile.HeaderBytes + (6 * 8), new FileInfo(path).Length);
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), BinaryArrayFile.ReadDoubles(path, 2, 3).Select(BitConverter.DoubleToInt64Bits));
        string ints = Temp("ints.bin");
        BinaryArrayFile.WriteInts(ints, 4, 1, [0, 5, int.MaxValue, -1]);
        Assert.Equal([0, 5, int.MaxValue, -1], BinaryArrayFile.ReadInts(ints, 4, 1));
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal("RSARRAY\0"u8.ToArray(), bytes[..8]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(2L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(3L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(Math.PI, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(32 + (3 * 8))));
    }

    [Theory]
    [InlineData("truncated values", "'values'")]
    [InlineData("truncated header", "'header'")]
    [InlineData("extra bytes", "'values'")]
    [InlineData("wrong magic", "'magic'")]
    [InlineData("wrong version", "'version'")]
    [InlineData("wrong type", "'type'")]
    [InlineData("wrong rows", "'rows'")]
    [InlineData("wrong columns", "'columns'")]
    public void DamagedArrayFilesAreRejectedNamingFileAndField(string damage, string field)
    {
        string path = Temp($"{damage.Replace(' ', '-')}.bin");
        BinaryArrayFile.WriteDoubles(path, 2, 3, [1, 2, 3, 4, 5, 6]);
        byte[] bytes = File.ReadAllBytes(path);
        bytes = damage switch
        {
            "truncated values" => bytes[..^5],
            "truncated header" => bytes[..20],
            "extra bytes" => [.. bytes, 0],
            "wrong magic" => Set(bytes, 0, (byte)'X'),
            "wrong version" => Set(bytes, 8, 2),
            "wrong type" => Set(bytes, 12, 2),
            "wrong rows" => Set(bytes, 16, 3),
            "wrong columns" => Set(bytes, 24, 2),
            _ => throw new ArgumentException(damage),
        };
        File.WriteAllBytes(path, bytes);
        DataFormatException e = Assert.Throws<DataFormatException>(() => BinaryArrayFile.ReadDoubles(path, 2, 3));
        Assert.Equal(path, e.File);
        Assert.Equal(field, e.Column);
    }

    [Theory]
    [InlineData("model-p.bin", "truncate")]
    [InlineData("model-q.bin", "magic")]
    [InlineData("seen-items.bin", "truncate")]
    [InlineData("model.json", "userBias")]
    [InlineData("manifest.json", "format")]
    public void ADamagedSavedModelIsRejectedByEveryFrontDoor(string file, string damage)
    {
        string copy = CopyRun();
        string path = Path.Combine(copy, "models", RecommenderModels.MfSgd, file);
        switch (damage)
        {
            case "truncate":
                File.WriteAllBytes(path, File.ReadAllBytes(path)[..^8]);
                break;
            case "magic":
                File.WriteAllBytes(path, Set(File.ReadAllBytes(path), 1, (byte)'Z'));
                break;
            default:
                File.WriteAllText(path, File.ReadAllText(path).Replace(damage == "format" ? "\"refsol-mf\"" : "\"userBias\"", damage == "format" ? "\"refsol-xx\"" : "\"userBiases\"", StringComparison.Ordinal));
                break;
        }
        DataFormatException recommend = Assert.Throws<DataFormatException>(() => ModelRecommendations.Load(copy));
        Assert.Equal(Path.GetFullPath(path), Path.GetFullPath(recommend.File));
        string input = Path.Combine(copy, "pairs.csv");
        File.WriteAllText(input, "userId,movieId\n1,1\n");
        DataFormatException score = Assert.Throws<DataFormatException>(() => new RecommenderSolution().Score(new ScoreRequest(copy, input)));
        Assert.Equal(recommend.Message, score.Message);
    }

    [Fact]
    public void ScoreInputWithoutAnIdColumnOrWithABadIdIsRejected()
    {
        string missing = Temp("missing.csv");
        File.WriteAllText(missing, "user,movieId\n1,2\n");
        UserInputException e = Assert.ThrowsAny<UserInputException>(() => new RecommenderSolution().Score(new ScoreRequest(run.RunFolder, missing)));
        Assert.Contains("userId", e.Message, StringComparison.Ordinal);
        string bad = Temp("bad.csv");
        File.WriteAllText(bad, "userId,movieId,rating\n1,2,3\n1,x,4\n");
        DataFormatException format = Assert.Throws<DataFormatException>(() => new RecommenderSolution().Score(new ScoreRequest(run.RunFolder, bad)));
        Assert.Equal(3, format.Line);
        Assert.Equal("'movieId'", format.Column);
    }

    [Fact]
    public void TheSameSeedSavesTheSameBytes()
    {
        string again = Path.Combine(run.Folder, "again");
        RecommenderRun.Execute(new RunContext(SavedModelsFixture.Seed, again, SilentProgress.Instance), run.Options);
        string[] files = [.. Directory.GetFiles(Path.Combine(run.RunFolder, "models"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(run.RunFolder, f)).Order(StringComparer.Ordinal)];
        Assert.Equal(7, Directory.GetDirectories(Path.Combine(run.RunFolder, "models")).Length);
        Assert.Contains(Path.Combine("models", RecommenderModels.Ffm, RecommenderModels.FfmFile), files);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(again, "models"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(again, f)).Order(StringComparer.Ordinal));
        foreach (string file in files)
        {
            byte[] x = File.ReadAllBytes(Path.Combine(run.RunFolder, file)), y = File.ReadAllBytes(Path.Combine(again, file));
            int at = Enumerable.Range(0, Math.Min(x.Length, y.Length)).FirstOrDefault(t => x[t] != y[t], -1);
            Assert.True(x.AsSpan().SequenceEqual(y), $"{file} differs between two runs of seed {SavedModelsFixture.Seed}: lengths {x.Length}, {y.Length}, first difference at {at}: {(at >= 0 ? $"{x[at]} vs {y[at]}; {Convert.ToHexString(x.AsSpan(Math.Max(0, at - 16), Math.Min(48, x.Length - Math.Max(0, at - 16))))} vs {Convert.ToHexString(y.AsSpan(Math.Max(0, at - 16), Math.Min(48, y.Length - Math.Max(0, at - 16))))}" : "")}");
        }
        foreach (string folder in Directory.GetDirectories(Path.Combine(run.RunFolder, "models")))
        {
            ModelManifest manifest = ModelManifest.Read(Path.Combine(folder, ModelManifest.FileName));
            Assert.Equal(Path.GetFileName(folder), manifest.Name);
            Assert.Equal(["userId", "movieId"], manifest.Features);
            Assert.Equal(SavedModelsFixture.Seed, manifest.Seed);
        }
    }

    [Fact]
    public void ADivergedModelIsNotSavedAndRecommendModelSaysWhy()
    {
        string diverged = Path.Combine(run.Folder, "diverged");
        RecommenderRun.Execute(new RunContext(SavedModelsFixture.Seed, diverged, SilentProgress.Instance), run.Options with { LearningRate = 0.9, Regularization = 0.5 });
        string[] saved = [.. Directory.GetDirectories(Path.Combine(diverged, "models")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.DoesNotContain(RecommenderModels.MfSgd, saved);
        Assert.Contains(RecommenderModels.Als, saved);
        Assert.Contains(RecommenderModels.BiasBaseline, saved);
        DataFormatException e = Assert.Throws<DataFormatException>(() => ModelRecommendations.Load(diverged));
        Assert.Contains("diverged", e.Message, StringComparison.Ordinal);
        string input = Temp("diverged-pairs.csv");
        File.WriteAllText(input, "userId,movieId\n1,1\n2,3\n");
        ScoreOutput output = new RecommenderSolution().Score(new ScoreRequest(diverged, input));
        Assert.DoesNotContain(output.Columns, c => c.Header == RecommenderModels.MfSgd);
        Assert.All(output.Columns, c => Assert.All(c.Numbers!, x => Assert.True(double.IsFinite(x))));
    }

    private static byte[] Set(byte[] bytes, int offset, byte value)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[offset] = value;
        return copy;
    }

    private string Temp(string name)
    {
        string folder = Path.Combine(run.Folder, "files");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private string CopyRun()
    {
        string copy = Path.Combine(run.Folder, $"copy-{Guid.NewGuid():N}");
        foreach (string file in Directory.GetFiles(run.RunFolder, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(run.RunFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
