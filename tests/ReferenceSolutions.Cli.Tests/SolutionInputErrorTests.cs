namespace ReferenceSolutions.Cli.Tests;

/// <summary>User mistakes in the solutions' commands reach the user as exit 2 and one line naming what is wrong.</summary>
public sealed class SolutionInputErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Missing_training_file_names_the_file()
    {
        string missing = Path.Combine(_folder, "missing.csv");
        AssertInputError(missing, "run", "neuralnet", "--train", missing, "--test", missing, "--out", Path.Combine(_folder, "out"));
    }

    [Fact]
    public void Ragged_ratings_file_names_file_and_line()
    {
        string ratings = Write("ratings.csv", "userId,movieId,rating,timestamp\n1,10,4.0,0\n2,20\n");
        AssertInputError($"{ratings}:3", "run", "recommender", "--ratings", ratings, "--out", Path.Combine(_folder, "out"));
    }

    [Fact]
    public void Negative_cost_is_refused()
    {
        AssertInputError("--fn-cost", "run", "fraud", "--fn-cost", "-1", "--out", Path.Combine(_folder, "out"));
    }

    [Fact]
    public void Unknown_fraud_split_names_the_option()
    {
        AssertInputError("--split must be 'time' or 'stratified', not 'random'", "run", "fraud", "--split", "random", "--out", Path.Combine(_folder, "out"));
    }

    [Fact]
    public void Missing_time_column_names_the_option_the_file_and_the_column()
    {
        string data = Write("no-time.csv", "a,b,Class\n1,2,0\n3,4,1\n5,6,0\n");
        AssertInputError($"--time-column 'When': {data} has no such column", "run", "fraud", "--data", data, "--time-column", "When", "--out", Path.Combine(_folder, "out"));
        AssertInputError($"--split time: {data} has no time column 'Time'", "run", "fraud", "--data", data, "--split", "time", "--out", Path.Combine(_folder, "out"));
    }

    [Fact]
    public void Non_numeric_cell_in_a_verify_input_names_file_line_and_column()
    {
        string matrix = Write("a.csv", "1,2\n3,x\n");
        AssertInputError($"{matrix}:2", "verify", "svd", "--input", matrix, "--json");
    }

    [Fact]
    public void Labels_other_than_0_and_1_are_refused_with_their_line()
    {
        string scores = Write("s.csv", "label,score\n1,0.9\n2,0.1\n0,0.3\n");
        AssertInputError($"{scores}:3", "verify", "metrics", "--input", scores);
    }

    [Fact]
    public void Verify_json_prints_exactly_one_object_with_the_contract_fields()
    {
        string scores = Write("ok.csv", "label,score\n1,0.9\n0,0.1\n1,0.4\n0,0.6\n");
        (int exitCode, string stdout, string stderr) = CliRunner.Run("verify", "metrics", "--input", scores, "--json");
        Assert.True(exitCode is 0 or 1, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        foreach (string field in new[] { "check", "implementations", "maxAbsDiff", "tolerance", "passed" })
        {
            Assert.True(json.RootElement.TryGetProperty(field, out _), $"missing '{field}' in {stdout}");
        }
        Assert.True(json.RootElement.GetProperty("implementations").TryGetProperty("from-scratch", out _));
    }

    [Fact]
    public void Finite_difference_coordinates_below_one_are_refused()
    {
        (string model, string batch) = GradientsInput();
        AssertInputError("--fd-coordinates", "verify", "gradients", "--model", model, "--input", batch, "--fd-coordinates", "0");
    }

    [Fact]
    public void Verify_gradients_json_decides_on_autograd_and_on_finite_differences()
    {
        (string model, string batch) = GradientsInput();
        (int exitCode, string stdout, string stderr) = CliRunner.Run("verify", "gradients", "--model", model, "--input", batch, "--fd-coordinates", "5", "--json");
        Assert.True(exitCode == 0, stderr + stdout);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        System.Text.Json.JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(["neuralnet.gradients.autograd", "neuralnet.gradients.finite-differences"],
            root.GetProperty("comparisons").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        System.Text.Json.JsonElement numeric = root.GetProperty("implementations").GetProperty("finite-difference");
        Assert.Equal(5, numeric.GetProperty("coordinates").GetArrayLength());
        Assert.Equal(root.GetProperty("comparisons")[1].GetProperty("check").GetString(), Assert.Single(numeric.GetProperty("comparisons").EnumerateArray()).GetString());
    }

    /// <summary>
    /// --epochs given on the command line is fixed even when it equals the default (System.CommandLine's Implicit tells
    /// the two apart); left out, the epochs are chosen on validation.
    /// </summary>
    [Fact]
    public void Epochs_given_explicitly_are_fixed_even_at_the_default_value()
    {
        System.Text.Json.JsonElement given = NeuralNetProtocol("given", "--epochs", "60");
        Assert.Equal("fixed", given.GetProperty("selection").GetString());
        Assert.Equal(60, given.GetProperty("fixed").GetProperty("epochs").GetInt32());
        Assert.Equal(0, given.GetProperty("candidates").GetArrayLength());

        System.Text.Json.JsonElement chosen = NeuralNetProtocol("chosen");
        Assert.Equal("validation", chosen.GetProperty("selection").GetString());
        Assert.Equal(60, chosen.GetProperty("fixed").GetProperty("maxEpochs").GetInt32());
        Assert.True(chosen.GetProperty("candidates").GetArrayLength() > 0);
    }

    private System.Text.Json.JsonElement NeuralNetProtocol(string name, params string[] options)
    {
        string output = Path.Combine(_folder, name);
        (int exitCode, _, string stderr) = CliRunner.Run(["run", "neuralnet", "--hidden", "32", "--out", output, .. options]);
        Assert.True(exitCode == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        return json.RootElement.GetProperty("protocol").Clone();
    }

    private (string Model, string Batch) GradientsInput() =>
        (Write("m.json", "{\"layers\": [{\"weight\": [[0.5, -0.25], [0.1, 0.3], [-0.2, 0.4]], \"bias\": [0.1, 0, -0.1], \"activation\": \"tanh\"}, "
            + "{\"weight\": [[0.3, -0.1, 0.2], [-0.4, 0.2, 0.1]], \"bias\": [0, 0.05], \"activation\": \"identity\"}], \"loss\": \"softmax-cross-entropy\"}"),
         Write("b.csv", "1,2,0\n-0.5,0.25,1\n"));

    private static void AssertInputError(string expectedInMessage, params string[] args)
    {
        (int exitCode, _, string stderr) = CliRunner.Run(args);
        Assert.True(exitCode == 2, $"exit {exitCode}: {stderr}");
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expectedInMessage, line);
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
