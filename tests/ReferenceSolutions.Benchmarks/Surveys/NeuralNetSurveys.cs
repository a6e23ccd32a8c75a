using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.Benchmarks.Surveys;

/// <summary>
/// The tolerance surveys of the neuralnet solution. The three run surveys measure, for seed s, the largest difference one
/// run-time check found over nine runs: eight default-protocol runs (<c>refsol run neuralnet --seed s [--optimizer O]</c>)
/// on the built-in planted mixture generated with seed s and on optdigits' official train/test files, each with
/// momentum (the default), SGD, Adam and AdamW at their default learning rates, and one long run (the planted mixture,
/// momentum, <c>--epochs 300</c>: 17,100 steps). The nine runs of a seed are made once and shared.
/// The finite-difference survey measures the relative error of central differences on random networks, a cross-check of
/// the derived <see cref="NeuralNetTolerances.FiniteDifference"/>.
/// </summary>
internal static class NeuralNetSurveys
{
    public static IReadOnlyList<IToleranceSurvey> All { get; } =
    [
        new RunSurvey("neuralnet-trajectory-loss", NeuralNetChecks.TrajectoryLoss),
        new RunSurvey("neuralnet-trajectory-parameters", NeuralNetChecks.TrajectoryParameters),
        new RunSurvey("neuralnet-test-outputs", NeuralNetChecks.RunTestOutputs),
        new FiniteDifferenceSurvey(),
    ];

    private static readonly Dictionary<ulong, IReadOnlyList<NeuralNetRun>> Runs = [];

    /// <summary>The largest difference of <paramref name="check"/> over the nine runs of a seed (NaN when any was not finite).</summary>
    private sealed class RunSurvey(string name, CheckDefinition check) : IToleranceSurvey
    {
        public string Name => name;

        public Tolerance Tolerance => check.Tolerance;

        public double Factor => 10;

        public double Measure(ulong seed)
        {
            double largest = 0;
            foreach (NeuralNetRun run in RunsOf(seed))
            {
                double difference = run.Checks.Single(c => c.Check == check).Comparison.MaxAbsDiff;
                largest = double.IsNaN(difference) || double.IsNaN(largest) ? double.NaN : Math.Max(largest, difference);
            }
            return largest;
        }
    }

    /// <summary>
    /// The largest |g_fd − g| / max(‖g‖∞, floor) over every coordinate of 16 random networks D → H₁ → H₂ → C (sizes
    /// 1..12, C 2..9, N 1..32, weights by the run's initialisation, biases N(0, 0.1²)), two per activation and loss.
    /// </summary>
    private sealed class FiniteDifferenceSurvey : IToleranceSurvey
    {
        public string Name => "neuralnet-finite-differences";

        public Tolerance Tolerance => NeuralNetTolerances.FiniteDifference;

        public double Factor => 10;

        public double Measure(ulong seed)
        {
            var rng = new Rng(seed);
            double largest = 0;
            foreach (Activation activation in Enum.GetValues<Activation>())
            {
                foreach (LossKind loss in Enum.GetValues<LossKind>())
                {
                    for (int repeat = 0; repeat < 2; repeat++)
                    {
                        int d = 1 + rng.NextInt(12), h1 = 1 + rng.NextInt(12), h2 = 1 + rng.NextInt(12), c = 2 + rng.NextInt(8), n = 1 + rng.NextInt(32);
                        MlpDescription net = MlpDescription.Create(d, [h1, h2], c, activation, loss, rng);
                        foreach (LayerValues layer in net.Layers)
                        {
                            rng.FillGaussian(layer.Bias, 0.0, 0.1);
                        }
                        Matrix x = rng.GaussianMatrix(n, d);
                        int[] labels = [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(c))];
                        var network = new Mlp(net);
                        network.LossAndGradients(x, labels);
                        IReadOnlyList<FiniteDifference> numeric = FiniteDifferences.At(net, x, labels, FiniteDifferences.Sample(net, int.MaxValue, rng));
                        double error = GradientVerification.FiniteDifferenceComparison(network.Gradients(), numeric).MaxAbsDiff;
                        largest = double.IsNaN(error) || double.IsNaN(largest) ? double.NaN : Math.Max(largest, error);
                    }
                }
            }
            return largest;
        }
    }

    private static IReadOnlyList<NeuralNetRun> RunsOf(ulong seed)
    {
        if (Runs.TryGetValue(seed, out IReadOnlyList<NeuralNetRun>? cached))
        {
            return cached;
        }
        NumericalReproducibility.Configure();
        string train = DatasetLocator.Find("optdigits/optdigits-train.csv")
            ?? throw new InvalidOperationException("the neuralnet surveys need optdigits (refsol data fetch optdigits, or put it under ../shared/datasets)");
        string test = DatasetLocator.Find("optdigits/optdigits-test.csv")
            ?? throw new InvalidOperationException("the neuralnet surveys need optdigits-test.csv next to optdigits-train.csv");
        string folder = Directory.CreateTempSubdirectory("refsol-nn-survey-").FullName;
        try
        {
            var runs = new List<NeuralNetRun>();
            var options = new List<NeuralNetOptions>();
            foreach (OptimizerKind optimizer in Enum.GetValues<OptimizerKind>())
            {
                options.Add(new NeuralNetOptions(Optimizer: optimizer));
                options.Add(new NeuralNetOptions(train, test, Optimizer: optimizer));
            }
            options.Add(new NeuralNetOptions(Epochs: 300));
            foreach (NeuralNetOptions option in options)
            {
                runs.Add(new NeuralNetSolution().Execute(new RunContext(seed, folder, SilentProgress.Instance), option));
            }
            Runs[seed] = runs;
            return runs;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
