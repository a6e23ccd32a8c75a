extern alias cli;

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ReferenceSolutions.FraudDetection;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.Serve.Tests;

/// <summary>
/// Three small real runs shared by the serve tests, made in-process as <c>refsol run</c> makes them: fraud on 1,000
/// generated transactions (stratified split, λ = 1, a true prior of 0.2 %, B = 20 bootstrap replicates and R = 3
/// permutations, so the intervals are rough and the permutation-importance comparison may fail — exit 1 with every file
/// written; these tests read only the saved models), the neural net on 400 + 100 seeded 8×8 images of ten classes (a
/// bar per class plus noise, in optdigits' layout: 64 pixel values 0 … 16, then the class), the recommender on 1,500
/// seeded ratings of 60 users × 50 items. <see cref="Runs"/> holds the three run folders; <see cref="Factory"/> serves
/// them. Most of the fixture's ≈ 35 s is the runs' fixed cost (TorchSharp and ML.NET twins), not the data size.
/// </summary>
public sealed class ServeFixture : IDisposable
{
    public ServeFixture()
    {
        Folder = Directory.CreateTempSubdirectory("refsol-serve-").FullName;
        try
        {
            Runs = Path.Combine(Folder, "runs");
            FraudData = Path.Combine(Folder, "transactions.csv");
            TransactionGenerator.WriteCsv(TransactionGenerator.Generate(1000, 5), FraudData);
            Fraud = Path.Combine(Runs, "fraud");
            using (var stdout = new StringWriter())
            using (var stderr = new StringWriter())
            {
                var options = new FraudRunOptions(DataFile: FraudData, Prior: 0.002, Lambda: 1, Split: "stratified", BootstrapReplicates: 20, PermutationRepeats: 3);
                int exitCode = cli::ReferenceSolutions.Cli.Commands.RunExecutor.RunOne(new cli::ReferenceSolutions.Cli.CliIo(stdout, stderr), "fraud", 42, Fraud, false,
                    context => new FraudSolution().Run(context, options));
                Assert.True(exitCode is 0 or 1 && File.Exists(Path.Combine(Fraud, "models", "logreg-from-scratch", "logreg.json")), $"run fraud: exit {exitCode}\n{stdout}\n{stderr}");
            }
            string train = Path.Combine(Folder, "digits-train.csv"), test = Path.Combine(Folder, "digits-test.csv");
            File.WriteAllText(train, DigitsCsv(400, 1));
            File.WriteAllText(test, DigitsCsv(100, 2));
            DigitImages = [.. File.ReadLines(test).Select(l => l.Split(',')[..64].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
            NeuralNet = Run("neuralnet", "--train", train, "--test", test, "--hidden", "16", "--epochs", "10", "--lr", "0.1");
            string ratings = Path.Combine(Folder, "ratings.csv");
            File.WriteAllText(ratings, RatingsCsv());
            Recommender = Run("recommender", "--ratings", ratings, "--factors", "4", "--epochs", "10", "--reg", "0.05", "--als-reg", "0.1", "--als-epochs", "3", "--bias-reg", "5");
            Factory = Serve(new WebApplicationFactory<Program>());
        }
        catch
        {
            Directory.Delete(Folder, recursive: true);
            throw;
        }
    }

    public string Folder { get; }

    public string Runs { get; }

    public string FraudData { get; }

    public string Fraud { get; }

    public string NeuralNet { get; }

    public string Recommender { get; }

    /// <summary>The 100 test images (64 pixel values each), in file order.</summary>
    public IReadOnlyList<double[]> DigitImages { get; }

    /// <summary>The app over the three runs, in process (TestServer).</summary>
    public WebApplicationFactory<Program> Factory { get; }

    /// <summary><paramref name="factory"/> configured with the three runs, <see cref="Runs"/> and the given extra settings.</summary>
    public WebApplicationFactory<Program> Serve(WebApplicationFactory<Program> factory, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Serve:Models:0", Fraud);
            web.UseSetting("Serve:Models:1", NeuralNet);
            web.UseSetting("Serve:Models:2", Recommender);
            web.UseSetting("Serve:Runs", Runs);
            foreach ((string key, string value) in settings)
            {
                web.UseSetting(key, value);
            }
        });

    public void Dispose()
    {
        Factory.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private string Run(string solution, params string[] options)
    {
        string output = Path.Combine(Runs, solution);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = cli::ReferenceSolutions.Cli.RefsolApp.Run(["run", solution, .. options, "--out", output], stdout, stderr);
        return exitCode == 0 ? output : throw new InvalidOperationException($"run {solution}: exit {exitCode}\n{stdout}\n{stderr}");
    }

    /// <summary>
    /// <paramref name="rows"/> images: class c = row mod 10 lights row c mod 8 (values 12 … 16) and, for c ≥ 8, also
    /// column c − 8; every other pixel is 0 … 4; all drawn from a seeded generator.
    /// </summary>
    private static string DigitsCsv(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder();
        for (int n = 0; n < rows; n++)
        {
            int c = n % 10;
            for (int p = 0; p < 64; p++)
            {
                bool lit = p / 8 == c % 8 || (c >= 8 && p % 8 == c - 8);
                csv.Append(lit ? random.Next(12, 17) : random.Next(0, 5)).Append(',');
            }
            csv.Append(c).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>1,500 ratings r = 3 + ½(uᵤ + vᵢ) + noise, clipped to 1 … 5 in half stars, at distinct seeded (user, item) pairs.</summary>
    private static string RatingsCsv()
    {
        var random = new Random(3);
        var csv = new StringBuilder("userId,movieId,rating,timestamp\n");
        double[] user = [.. Enumerable.Range(0, 60).Select(_ => random.NextDouble() * 2 - 1)];
        double[] item = [.. Enumerable.Range(0, 50).Select(_ => random.NextDouble() * 2 - 1)];
        foreach (int pair in Enumerable.Range(0, 3000).OrderBy(_ => random.Next()).Take(1500).Order())
        {
            int u = pair / 50, i = pair % 50;
            double r = Math.Clamp(Math.Round((3 + (0.5 * (user[u] + item[i])) + ((random.NextDouble() - 0.5) * 0.5)) * 2) / 2, 1, 5);
            csv.Append(CultureInfo.InvariantCulture, $"{u + 1},{i + 101},{r},{1_000_000 + pair}\n");
        }
        return csv.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class ServeRuns : ICollectionFixture<ServeFixture>
{
    public const string Name = "serve";
}
