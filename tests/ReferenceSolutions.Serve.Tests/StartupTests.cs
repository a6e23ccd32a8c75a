extern alias cli;

namespace ReferenceSolutions.Serve.Tests;

/// <summary><c>refsol serve</c> refuses, with exit 2 and one line naming the file, models it cannot serve — before listening.</summary>
[Collection(ServeRuns.Name)]
public sealed class StartupTests(ServeFixture serve)
{
    private static (int ExitCode, string Stderr) Serve(params string[] models)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = cli::ReferenceSolutions.Cli.RefsolApp.Run(["serve", "--urls", "http://127.0.0.1:0", "--model", .. models], stdout, stderr);
        return (exitCode, stderr.ToString());
    }

    private static void AssertRefused((int ExitCode, string Stderr) result, params string[] expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stderr}");
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.All(expected, e => Assert.Contains(e, line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_folder_is_exit_2()
    {
        string missing = Path.Combine(serve.Folder, "no-such-run");
        AssertRefused(Serve(missing), missing);
    }

    [Fact]
    public void A_corrupt_served_model_is_exit_2_naming_its_file_and_field()
    {
        string copy = Path.Combine(serve.Folder, $"broken-{Guid.NewGuid():N}");
        string model = Path.Combine(copy, "logreg-from-scratch");
        Directory.CreateDirectory(model);
        foreach (string file in Directory.GetFiles(Path.Combine(serve.Fraud, "models", "logreg-from-scratch")))
        {
            File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
        }
        string json = Path.Combine(model, "logreg.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"intercept\"", "\"interceptX\"", StringComparison.Ordinal));
        AssertRefused(Serve(model), "logreg.json", "intercept");
    }

    [Fact]
    public void Two_runs_of_one_solution_are_exit_2()
    {
        AssertRefused(Serve(serve.Fraud, Path.Combine(serve.Fraud, "models")), "both hold fraud models");
    }

    [Fact]
    public void A_recommender_model_folder_alone_is_exit_2_asking_for_the_bias_baseline()
    {
        AssertRefused(Serve(Path.Combine(serve.Recommender, "models", "mf-sgd-from-scratch")), "bias-baseline");
    }

    [Fact]
    public void Bench_serve_without_models_is_exit_2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = cli::ReferenceSolutions.Cli.RefsolApp.Run(["bench", "--only", "serve"], stdout, stderr);
        AssertRefused((exitCode, stderr.ToString()), "--model");
    }
}
