using System.Text.Json.Nodes;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;

namespace ReferenceSolutions.Core.Tests.Models;

public sealed class ModelManifestTests : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("refsol-models-").FullName;

    public void Dispose() => Directory.Delete(_run, recursive: true);

    private static ModelManifest Manifest(string name = "logreg-from-scratch", string solution = "fraud") =>
        new(name, "from-scratch", solution, "refsol-logreg", ["V1", "V2"], ["model.json"], SuiteVersion.Current, 42);

    private string Save(ModelManifest manifest) =>
        SavedModels.Save(_run, manifest, folder => File.WriteAllText(Path.Combine(folder, "model.json"), "{}"));

    [Fact]
    public void A_saved_manifest_reads_back_field_for_field()
    {
        string folder = Save(Manifest());
        ModelManifest read = ModelManifest.Read(Path.Combine(folder, ModelManifest.FileName));
        Assert.Equal(Manifest() with { Features = read.Features, Files = read.Files }, read);
        Assert.Equal(["V1", "V2"], read.Features);
        Assert.Equal(["model.json"], read.Files);
        Assert.Equal(Path.Combine(_run, "models", "logreg-from-scratch"), folder);
    }

    [Fact]
    public void The_json_has_the_documented_fields_in_order()
    {
        string folder = Save(Manifest());
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ModelManifest.FileName)))!.AsObject();
        Assert.Equal(["name", "kind", "solution", "format", "features", "files", "suiteVersion", "seed"], json.Select(p => p.Key));
    }

    [Theory]
    [InlineData("suiteVersion", "\"0.0.1\"", "'suiteVersion'")]
    [InlineData("format", "7", "'format'")]
    [InlineData("features", "[\"a\", 3]", "'features'")]
    [InlineData("files", "[\"../escape.json\"]", "'files'")]
    [InlineData("files", "[\"absent.bin\"]", "'files'")]
    [InlineData("seed", "-1", "'seed'")]
    public void A_bad_field_is_an_input_error_naming_the_file_and_field(string field, string value, string named)
    {
        string path = Path.Combine(Save(Manifest()), ModelManifest.FileName);
        JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json[field] = JsonNode.Parse(value);
        File.WriteAllText(path, json.ToJsonString());
        DataFormatException error = Assert.Throws<DataFormatException>(() => ModelManifest.Read(path));
        Assert.Equal(path, error.File);
        Assert.Equal(named, error.Column);
    }

    [Fact]
    public void Text_that_is_not_json_names_the_file()
    {
        string path = Path.Combine(Save(Manifest()), ModelManifest.FileName);
        File.WriteAllText(path, "{\"name\": ");
        Assert.Equal(path, Assert.Throws<DataFormatException>(() => ModelManifest.Read(path)).File);
    }

    [Fact]
    public void A_run_folder_its_models_folder_and_one_model_folder_all_resolve()
    {
        Save(Manifest("b"));
        string a = Save(Manifest("a"));
        Save(Manifest("other", solution: "neuralnet"));
        Assert.Equal(["a", "b"], SavedModels.Of(_run, "fraud").Select(m => m.Manifest.Name));
        Assert.Equal(["a", "b"], SavedModels.Of(Path.Combine(_run, "models"), "fraud").Select(m => m.Manifest.Name));
        Assert.Equal(["a"], SavedModels.Of(a, "fraud").Select(m => m.Manifest.Name));
        Assert.Contains("other of neuralnet", Assert.Throws<DataFormatException>(() => SavedModels.Of(_run, "recommender")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_models_is_an_input_error()
    {
        Assert.Throws<DataFormatException>(() => SavedModels.Of(_run, "fraud"));
        Assert.Throws<DataFormatException>(() => SavedModels.Of(Path.Combine(_run, "absent"), "fraud"));
    }

    [Fact]
    public void The_format_must_be_the_loaders()
    {
        string path = Path.Combine(Save(Manifest()), ModelManifest.FileName);
        ModelManifest read = ModelManifest.Read(path);
        read.RequireFormat(path, "refsol-logreg");
        Assert.Equal("'format'", Assert.Throws<DataFormatException>(() => read.RequireFormat(path, "refsol-mlp")).Column);
    }
}
