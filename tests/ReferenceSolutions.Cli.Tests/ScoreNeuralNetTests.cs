using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// <c>run neuralnet</c> then <c>score neuralnet</c> end to end on the built-in data: exit 0 and <c>passed: true</c>;
/// the CSV's <c>mlp-from-scratch</c> columns equal a forward pass this test computes itself from the saved JSON (the
/// oracle below, written from the format's description, not the suite's code), within a rounding bound derived row by
/// row; the same seed saves the same bytes under models/ and the same saliency.png; a missing or extra column, a
/// wrong feature name in a header, a wrong manifest format and another suite version are exit 2 naming the file and the
/// field.
/// </summary>
public sealed class ScoreNeuralNetTests : IDisposable
{
    private const double Unit = 1.1102230246251565e-16;
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-score-nn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ARunsSavedModelsScoreItsTestFileAndTheFromScratchColumnsEqualAnIndependentForwardPass()
    {
        (string run, string test) = RunAndData("run");
        string scores = Path.Combine(_folder, "scores.csv");

        (int exitCode, string stdout, string stderr) = CliRunner.Run("score", "neuralnet", "--model", run, "--input", test, "--out", scores, "--json");

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        using JsonDocument report = JsonDocument.Parse(stdout);
        Assert.Equal("score", report.RootElement.GetProperty("check").GetString());
        Assert.True(report.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(1000, report.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(["mlnet-lbfgs-maxent", "mlp-from-scratch", "mlp-torch"], report.RootElement.GetProperty("implementations").EnumerateObject().Select(p => p.Name));
        Assert.Equal("neuralnet.score.twins", Assert.Single(report.RootElement.GetProperty("comparisons").EnumerateArray()).GetProperty("id").GetString());

        (int onnxExit, string onnxOut, string onnxErr) = CliRunner.Run("score", "neuralnet", "--model", run, "--input", test, "--out", Path.Combine(_folder, "onnx.csv"), "--json", "--engine", "onnx");
        Assert.True(onnxExit == 0, $"exit {onnxExit}: {onnxErr}");
        using JsonDocument onnx = JsonDocument.Parse(onnxOut);
        Assert.Equal(["neuralnet.onnx-mlp", "neuralnet.score.twins"], onnx.RootElement.GetProperty("comparisons").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.True(onnx.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("onnx", onnx.RootElement.GetProperty("implementations").GetProperty("mlp-from-scratch").GetProperty("engine").GetString());

        string[] lines = File.ReadAllLines(scores);
        string[] header = lines[0].Split(',');
        string[] rows = File.ReadAllLines(test);
        Assert.Equal(rows.Length + 1, lines.Length);
        var oracle = Oracle.Load(Path.Combine(run, "models", "mlp-from-scratch", "model.json"));
        int[] columns = [.. Enumerable.Range(0, 4).Select(c => Array.IndexOf(header, $"mlp-from-scratch.p{c}"))];
        int classColumn = Array.IndexOf(header, "mlp-from-scratch.class");
        for (int n = 0; n < rows.Length; n++)
        {
            double[] x = [.. rows[n].Split(',')[..^1].Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
            (double[] p, double bound) = oracle.Probabilities(x);
            string[] fields = lines[n + 1].Split(',');
            Assert.Equal((n + 1).ToString(CultureInfo.InvariantCulture), fields[0]);
            for (int c = 0; c < p.Length; c++)
            {
                double scored = double.Parse(fields[columns[c]], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(scored - p[c]) <= bound, $"row {n + 1}, p{c}: scored {scored:R}, oracle {p[c]:R}, bound {bound:R}");
            }
            int argmax = Array.IndexOf(p, p.Max());
            if (p.Count(v => v >= p[argmax] - (2 * bound)) == 1)
            {
                Assert.Equal(argmax.ToString(CultureInfo.InvariantCulture), fields[classColumn]);
            }
        }
    }

    /// <summary>Two runs with one seed: every file under models/ (the ML.NET zip's entries dated 1980-01-01, not the time of saving) and saliency.png are byte-identical.</summary>
    [Fact]
    public void TheSameSeedSavesTheSameBytes()
    {
        (string a, _) = RunAndData("a");
        (string b, _) = RunAndData("b");
        string[] files = [.. Directory.GetFiles(Path.Combine(a, "models"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal), "saliency.png", "model.json"];

        Assert.Equal(10, files.Length);
        foreach (string file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))), file);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "model.json")), File.ReadAllBytes(Path.Combine(a, "models", "mlp-from-scratch", "model.json")));
        using ZipArchive zip = ZipFile.OpenRead(Path.Combine(a, "models", "mlnet-lbfgs-maxent", "model.zip"));
        Assert.NotEmpty(zip.Entries);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Theory]
    [InlineData(7, "has 7 columns")]
    [InlineData(10, "has 10 columns")]
    public void AMissingOrExtraColumnIsExitTwoNamingTheFile(int columns, string what)
    {
        (string run, string test) = RunAndData("run");
        string input = Path.Combine(_folder, "bad.csv");
        File.WriteAllLines(input, File.ReadAllLines(test).Take(5).Select(l => string.Join(',', Enumerable.Range(0, columns).Select(j => l.Split(',')[j % 9]))));

        (int exitCode, _, string stderr) = CliRunner.Run("score", "neuralnet", "--model", run, "--input", input, "--out", Path.Combine(_folder, "s.csv"));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(input, stderr, StringComparison.Ordinal);
        Assert.Contains(what, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "s.csv")));
    }

    [Fact]
    public void AHeaderWithAWrongFeatureNameIsExitTwoNamingTheColumn()
    {
        (string run, string test) = RunAndData("run");
        string input = Path.Combine(_folder, "named.csv");
        File.WriteAllLines(input, File.ReadAllLines(test).Take(3).Prepend("x0,x1,x2,x3,x4,x5,x6,pixel7,label"));

        (int exitCode, _, string stderr) = CliRunner.Run("score", "neuralnet", "--model", run, "--input", input, "--out", Path.Combine(_folder, "s.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains(input, stderr, StringComparison.Ordinal);
        Assert.Contains("'pixel7'", stderr, StringComparison.Ordinal);
        Assert.Contains("expected the feature 'x7'", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("format", "\"torch-module\"", "\"onnx\"")]
    [InlineData("suiteVersion", "\"suiteVersion\": \"", "\"suiteVersion\": \"0.0.")]
    public void AWrongManifestIsExitTwoNamingTheFileAndField(string field, string from, string to)
    {
        (string run, string test) = RunAndData("run");
        string manifest = Path.Combine(run, "models", "mlp-torch", "manifest.json");
        string text = File.ReadAllText(manifest);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(manifest, text.Replace(from, to, StringComparison.Ordinal));

        (int exitCode, _, string stderr) = CliRunner.Run("score", "neuralnet", "--model", run, "--input", test, "--out", Path.Combine(_folder, "s.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains(manifest, stderr, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A run of the built-in data (seed 42) into <paramref name="name"/>, options fast enough and reaching the 0.90 target, and its generated test file.</summary>
    private (string Run, string Test) RunAndData(string name)
    {
        string run = Path.Combine(_folder, name);
        (int exitCode, _, string stderr) = CliRunner.Run("run", "neuralnet", "--hidden", "32", "--epochs", "8", "--lr", "0.2", "--out", run);
        Assert.True(exitCode == 0, $"run neuralnet: exit {exitCode}: {stderr}");
        string data = Path.Combine(_folder, "data");
        if (!Directory.Exists(data))
        {
            (int generated, _, string error) = CliRunner.Run("data", "generate", "neuralnet", "--out", data);
            Assert.True(generated == 0, error);
        }
        return (run, Path.Combine(data, "neuralnet-test.csv"));
    }

    /// <summary>
    /// The refsol-mlp JSON read with a plain JSON parser and evaluated with plain loops: x′ = (x − mean)/scale, then per
    /// layer z = W·a + b and its activation, then softmax. Its rounding bound, carried along with the values: a dot
    /// product of n terms is off by at most γₙ·Σ|wⱼaⱼ| (γₙ = nu/(1 − nu), u = 2⁻⁵³) plus Σ|wⱼ|·eⱼ from the inputs' own
    /// bound e (activations are 1-Lipschitz); softmax moves each probability by at most ½·max|Δz| (Σⱼ|∂pₖ/∂zⱼ| =
    /// 2pₖ(1 − pₖ) ≤ ½), plus 8u for its exp, sum and division. Both this and the suite's forward pass are within that
    /// bound of the exact value, so they differ by at most twice it.
    /// </summary>
    private sealed record Oracle(double Mean, double Scale, IReadOnlyList<(double[][] W, double[] B, string Activation)> Layers)
    {
        public static Oracle Load(string path)
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = json.RootElement;
            Assert.Equal("refsol-mlp", root.GetProperty("format").GetString());
            JsonElement scaling = root.GetProperty("inputScaling");
            var layers = root.GetProperty("layers").EnumerateArray().Select(l => (
                l.GetProperty("weight").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray(),
                l.GetProperty("bias").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                l.GetProperty("activation").GetString()!)).ToArray();
            return new Oracle(scaling.GetProperty("mean").GetDouble(), scaling.GetProperty("scale").GetDouble(), layers);
        }

        public (double[] P, double Bound) Probabilities(double[] x)
        {
            double[] a = [.. x.Select(v => (v - Mean) / Scale)];
            double[] e = [.. a.Select(v => 2 * Unit * Math.Abs(v))];
            foreach ((double[][] w, double[] b, string activation) in Layers)
            {
                var z = new double[b.Length];
                var ez = new double[b.Length];
                for (int h = 0; h < b.Length; h++)
                {
                    double sum = 0, magnitude = Math.Abs(b[h]), carried = 0;
                    for (int j = 0; j < a.Length; j++)
                    {
                        sum += w[h][j] * a[j];
                        magnitude += Math.Abs(w[h][j] * a[j]);
                        carried += Math.Abs(w[h][j]) * e[j];
                    }
                    z[h] = sum + b[h];
                    double n = a.Length + 1;
                    ez[h] = (n * Unit / (1 - (n * Unit)) * magnitude) + carried;
                }
                a = activation switch
                {
                    "relu" => [.. z.Select(v => Math.Max(v, 0))],
                    "tanh" => [.. z.Select(Math.Tanh)],
                    "sigmoid" => [.. z.Select(v => 1 / (1 + Math.Exp(-v)))],
                    _ => z,
                };
                e = [.. ez.Select((v, i) => v + (activation == "identity" ? 0 : 4 * Unit * Math.Abs(a[i])))];
            }
            double max = a.Max();
            double[] exp = [.. a.Select(v => Math.Exp(v - max))];
            double total = exp.Sum();
            double bound = 2 * ((0.5 * e.Max()) + (8 * Unit));
            return ([.. exp.Select(v => v / total)], bound);
        }
    }
}
