using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ReferenceSolutions.Cli.Tests.Hostile;

/// <summary>
/// Hostile input against <c>run neuralnet</c> and <c>verify gradients</c>, each run as a child process: exit 1 with
/// metrics.json (a diverged run) or exit 2 with one line naming the file and field or the option and the limit, never 3;
/// no stack trace; under 60 s and 2 GB peak RSS.
/// </summary>
public sealed class NeuralNetHostileTests() : HostileTest("refsol-hostile-nn-")
{
    private const string Layer0 = "{\"weight\": [[0.1, 0.2], [0.3, -0.1], [0.0, 0.5]], \"bias\": [0, 0, 0], \"activation\": \"relu\"}";
    private const string Layer1 = "{\"weight\": [[0.1, 0.2, 0.3], [0.2, -0.3, 0.1]], \"bias\": [0, 0], \"activation\": \"identity\"}";

    [Fact]
    public void A_learning_rate_that_diverges_writes_its_losses_as_null_with_the_reason_and_exits_1()
    {
        string folder = Path.Combine(Folder, "lr");
        ChildRefsol.Outcome outcome = Refsol("run", "neuralnet", "--lr", "1e6", "--out", folder);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        JsonNode metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!["models"]![0]!["metrics"]!;
        Assert.Contains(metrics["trainLoss"]!.AsArray(), loss => loss is null);
        Assert.Contains("NaN or ±∞", metrics["trainLossNotComputed"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(metrics["accuracy"]);
        Assert.Contains("training diverged in epoch", metrics["accuracyNotComputed"]!.GetValue<string>(), StringComparison.Ordinal);

        string model = Path.Combine(folder, "model.json");
        ChildRefsol.Outcome verify = Refsol("verify", "gradients", "--model", model, "--input", Batch("batch.csv", 10));
        AssertInputError(verify, $"{model}: layers[");
        Assert.Contains("expected a finite number, found null", verify.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_whose_outputs_overflow_fails_verify_gradients_with_nulls_and_exits_1()
    {
        string model = Write("overflow.json", "{\"layers\": [{\"weight\": [[1e300, 1e300], [0.3, -0.1], [0.0, 0.5]], \"bias\": [0, 0, 0], \"activation\": \"relu\"}, "
            + "{\"weight\": [[1e300, 1e300, 1e300], [0.2, -0.3, 0.1]], \"bias\": [0, 0], \"activation\": \"identity\"}], \"loss\": \"softmax-cross-entropy\"}");

        ChildRefsol.Outcome outcome = Refsol("verify", "gradients", "--model", model, "--input", Batch("batch.csv", 3), "--json");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        JsonNode report = JsonNode.Parse(outcome.Stdout)!;
        Assert.Null(report["implementations"]!["from-scratch"]!["loss"]);
        Assert.Contains("NaN or ±∞", report["implementations"]!["from-scratch"]!["notFinite"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(report["passed"]!.GetValue<bool>());
    }

    [Fact]
    public void Verify_gradients_on_a_saved_model_and_a_batch_of_thousands_of_rows_finishes_in_bounded_time()
    {
        string folder = Path.Combine(Folder, "saved");
        ChildRefsol.Outcome run = Refsol("run", "neuralnet", "--epochs", "1", "--out", folder);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        string model = Path.Combine(folder, "model.json");
        string batch = Batch("batch.csv", 2_000);

        ChildRefsol.Outcome outcome = Refsol("verify", "gradients", "--model", model, "--input", batch);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());

        AssertInputError(Refsol("verify", "gradients", "--model", model, "--input", batch, "--fd-coordinates", "1000000"),
            $"{batch}: finite differences at 35,716 coordinates would take");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_30_MB_model_loads_in_memory_proportional_to_its_size(bool json)
    {
        var random = new Random(7);
        string path = Path.Combine(Folder, "big.json");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("{\"layers\": [");
            WriteLayer(writer, random, 4096, 64, "relu");
            writer.Write(", ");
            WriteLayer(writer, random, 256, 4096, "relu");
            writer.Write(", ");
            WriteLayer(writer, random, 10, 256, "identity");
            writer.Write("], \"loss\": \"softmax-cross-entropy\"}");
        }
        Assert.InRange(new FileInfo(path).Length, 25L << 20, 40L << 20);
        var batch = new StringBuilder();
        for (int n = 0; n < 10; n++)
        {
            batch.AppendJoin(',', Enumerable.Range(0, 64).Select(_ => random.Next(17))).Append(',').Append(n).Append('\n');
        }

        string[] args = ["verify", "gradients", "--model", path, "--input", Write("digits.csv", batch.ToString())];
        ChildRefsol.Outcome outcome = Refsol(json ? [.. args, "--json"] : args);

        Assert.True(outcome.ExitCode is 0 or 1, outcome.ToString()[..Math.Min(2_000, outcome.ToString().Length)]);
        if (json)
        {
            Assert.StartsWith("{", outcome.Stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("more characters; --json prints all", outcome.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("deep", "{\"layers\": [{\"weight\": DEEP}], \"loss\": \"mse\"}", "not valid JSON (truncated or corrupt?): The maximum configured depth of 64 has been exceeded")]
    [InlineData("huge-row", "{\"layers\": [{\"weight\": [HUGE], \"bias\": [0], \"activation\": \"relu\"}], \"loss\": \"mse\"}", "layers[0].weight[0]: the model has more than 2,097,152 weights and biases")]
    [InlineData("nan", "{\"layers\": [L0, {\"weight\": [[NaN, 0.2, 0.3], [0.2, -0.3, 0.1]], \"bias\": [0, 0]}], \"loss\": \"mse\"}", "not valid JSON (truncated or corrupt?): 'N' is an invalid start of a value")]
    [InlineData("infinite", "{\"layers\": [L0, {\"weight\": [[0.1, 1e999, 0.3], [0.2, -0.3, 0.1]], \"bias\": [0, 0]}], \"loss\": \"mse\"}", "layers[1].weight[0][1]: expected a finite number, found 1e999")]
    [InlineData("ragged", "{\"layers\": [L0, {\"weight\": [[0.1, 0.2, 0.3], [0.2]], \"bias\": [0, 0]}], \"loss\": \"mse\"}", "layers[1].weight[1]: has 1 values, row 0 has 3")]
    [InlineData("columns", "{\"layers\": [L0, {\"weight\": [[0.1, 0.2], [0.2, 0.1]], \"bias\": [0, 0]}], \"loss\": \"mse\"}", "layers[1].weight: has 2 columns, but layer 0 has 3 outputs")]
    [InlineData("bias", "{\"layers\": [L0, {\"weight\": [[0.1, 0.2, 0.3], [0.2, -0.3, 0.1]], \"bias\": [0], \"activation\": \"identity\"}], \"loss\": \"mse\"}", "layers[1].bias: has 1 values, the weight has 2 rows (outputs)")]
    [InlineData("twice", "{\"layers\": [L0, L1], \"loss\": \"mse\", \"loss\": \"mse\"}", "\"loss\" appears twice")]
    [InlineData("truncated", "{\"layers\": [L0, {\"weight\": [[0.1, 0.2", "not valid JSON (truncated or corrupt?)")]
    [InlineData("many-layers", "{\"layers\": [MANY], \"loss\": \"mse\"}", "layers[64]: the model has more than 64 layers")]
    [InlineData("activation", "{\"layers\": [L0, {\"weight\": [[0.1, 0.2, 0.3], [0.2, -0.3, 0.1]], \"bias\": [0, 0], \"activation\": \"LONG\"}], \"loss\": \"mse\"}", "layers[1].activation: unknown activation 'xxxx")]
    public void A_hostile_model_file_is_refused_naming_the_file_and_the_field(string name, string template, string expected)
    {
        string content = template
            .Replace("DEEP", new string('[', 100_000) + new string(']', 100_000), StringComparison.Ordinal)
            .Replace("HUGE", "[" + string.Join(',', Enumerable.Repeat("0.5", 3_000_000)) + "]", StringComparison.Ordinal)
            .Replace("MANY", string.Join(", ", Enumerable.Repeat("{\"weight\": [[1]], \"bias\": [0], \"activation\": \"relu\"}", 100)), StringComparison.Ordinal)
            .Replace("LONG", new string('x', 100_000) + "\\nsecond line", StringComparison.Ordinal)
            .Replace("L0", Layer0, StringComparison.Ordinal)
            .Replace("L1", Layer1, StringComparison.Ordinal);
        string model = Write(name + ".json", content);

        ChildRefsol.Outcome outcome = Refsol("verify", "gradients", "--model", model, "--input", Batch("batch.csv", 3));

        AssertInputError(outcome, $"{model}: {expected}");
        Assert.True(outcome.Stderr.Length < 600, outcome.ToString());
    }

    [Theory]
    [InlineData("--hidden", "4096,4096", "--hidden: a network of 8 inputs → 4096 → 4096 → 4 classes has 16,834,564 weights and biases, more than the 2,097,152 this solution holds")]
    [InlineData("--hidden", "5000", "--hidden: every width must be in 1..4096, got 5000")]
    [InlineData("--epochs", "100001", "--epochs: must be in 1..100000, got 100001")]
    [InlineData("--batch", "1000001", "--batch: must be in 1..1000000, got 1000001")]
    public void A_network_or_training_beyond_the_limits_is_refused_up_front_naming_the_option(string option, string value, string expected)
    {
        string folder = Path.Combine(Folder, "limits");
        AssertInputError(Refsol("run", "neuralnet", option, value, "--out", folder), expected);
        Assert.False(Directory.Exists(folder));
    }

    private static void WriteLayer(StreamWriter writer, Random random, int outputs, int inputs, string activation)
    {
        writer.Write("{\"weight\": [");
        for (int h = 0; h < outputs; h++)
        {
            writer.Write(h == 0 ? "[" : ", [");
            for (int d = 0; d < inputs; d++)
            {
                writer.Write(d == 0 ? "" : ", ");
                writer.Write(((random.NextDouble() - 0.5) / 10).ToString("R", CultureInfo.InvariantCulture));
            }
            writer.Write(']');
        }
        writer.Write($"], \"bias\": [{string.Join(", ", Enumerable.Repeat("0", outputs))}], \"activation\": \"{activation}\"}}");
    }

    /// <summary>A batch CSV for the planted-data network (8 features, classes 0..3) or the two-input test models (classes 0..1).</summary>
    private string Batch(string name, int rows)
    {
        var random = new Random(rows);
        var text = new StringBuilder();
        int features = rows > 3 ? 8 : 2;
        int classes = rows > 3 ? 4 : 2;
        for (int n = 0; n < rows; n++)
        {
            for (int d = 0; d < features; d++)
            {
                text.Append((random.NextDouble() * 4 - 2).ToString("0.####", CultureInfo.InvariantCulture)).Append(',');
            }
            text.Append(n % classes).Append('\n');
        }
        return Write(name, text.ToString());
    }
}
