using System.Globalization;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Selection;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Benchmarks.Surveys;

/// <summary>The tolerance surveys of the recommender solution.</summary>
internal static class RecommenderSurveys
{
    public static IReadOnlyList<IToleranceSurvey> All { get; } =
    [
        new TwinSurvey("mf-sgd-twin-per-epoch", RecommenderTolerances.SgdFactorsPerEpoch, SelectionGrid.SgdLambdas, 50,
            (lambda, sample) => (new MfSgd(RecommenderOptions.DefaultLearningRate, lambda, sample.Orders), new TorchMfSgd(RecommenderOptions.DefaultLearningRate, lambda, sample.Orders))),
        new TwinSurvey("als-twin-per-epoch", RecommenderTolerances.AlsFactorsPerEpoch, SelectionGrid.AlsLambdas, 20,
            (lambda, sample) => (new Als(lambda, sample.Orders.Epochs), new TorchAls(lambda, sample.Orders.Epochs))),
        new MLNetPcaSurvey("pca-subspace-mlnet", RecommenderTolerances.MLNetSubspace, (exact, axes, _) => MLNetPca.SubspaceComparison(exact, axes)),
        new MLNetPcaSurvey("pca-variance-mlnet", RecommenderTolerances.MLNetVariance, (exact, _, variance) => MLNetPca.VarianceComparison(exact, variance)),
    ];

    /// <summary>
    /// The largest difference between a from-scratch MF trainer and its TorchSharp twin over a long run: the run's
    /// twin sample (2,000 ratings of the built-in data for the seed, its split, its initial state) trained for
    /// <paramref name="epochs"/> epochs — 50 for SGD, ≈ 17× the run's 3; 20 for ALS, which settles within a few — with λ
    /// cycling through the selection grid by seed. Each seed's per-epoch maxima go to stderr (the growth table in
    /// docs/recommender.md).
    /// </summary>
    private sealed class TwinSurvey(string name, Tolerance tolerance, IReadOnlyList<double> lambdas, int epochs, Func<double, RecommenderRun.TwinSample, (IMfTrainer Scratch, IMfTrainer Twin)> trainers) : IToleranceSurvey
    {
        public string Name => name;

        public Tolerance Tolerance => tolerance;

        public double Factor => 10;

        public double Measure(ulong seed)
        {
            var rng = new Rng(seed);
            RatingSet all = SyntheticRatings.Generate(seed);
            RatingSplit split = RatingSplit.Create(all, rng.Fork());
            BiasedMf initial = BiasedMf.Initial(all.UserCount, all.ItemCount, RecommenderOptions.DefaultFactors, split.Fit.Mean(), RecommenderRun.InitialScale, rng.Fork())
                .ZeroRowsWithoutRatings(split.Fit);
            var sample = RecommenderRun.TwinSample.Draw(split.Fit, split.Test, initial, epochs, rng.Fork());
            double lambda = lambdas[(int)(seed % (ulong)lambdas.Count)];
            (IMfTrainer scratch, IMfTrainer twin) = trainers(lambda, sample);
            var left = new List<BiasedMf>();
            var right = new List<BiasedMf>();
            scratch.Train(sample.Initial, sample.Train, (_, state) => left.Add(state.Clone()));
            twin.Train(sample.Initial, sample.Train, (_, state) => right.Add(state.Clone()));
            double[] perEpoch = [.. left.Zip(right, (a, b) => EpochComparison.Of("from-scratch", [a], "torch", [b]).MaxAbsDiff)];
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name} seed {seed} λ = {lambda}: per epoch {string.Join(' ', perEpoch.Select(d => d.ToString("0.0e+0", CultureInfo.InvariantCulture)))}"));
            return EpochComparison.Of("from-scratch", left, "torch", right).MaxAbsDiff;
        }
    }

    /// <summary>
    /// ML.NET's PCA against the exact one, in the units the check uses, on every configuration a check runs on: the
    /// run's 500×40 planted sample (shift 1), the tests' 500×40 with shift 1 and 10 and verify's 100×6; data and ML.NET
    /// seeded by the seed. The largest over the configurations.
    /// </summary>
    private sealed class MLNetPcaSurvey(string name, Tolerance tolerance, Func<PcaModel, Matrix, double[], Comparison> compare) : IToleranceSurvey
    {
        private static readonly (int Samples, int Features, double[] Scales, double Shift)[] Configurations =
        [
            (500, 40, [10.0, 7.0, 5.0, 3.0, 2.0], 1.0),
            (500, 40, [10.0, 7.0, 5.0, 3.0, 2.0], 10.0),
            (100, 6, [5.0, 2.0], 1.0),
        ];

        public string Name => name;

        public Tolerance Tolerance => tolerance;

        public double Factor => 10;

        public double Measure(ulong seed)
        {
            double largest = 0.0;
            foreach ((int samples, int features, double[] scales, double shift) in Configurations)
            {
                Matrix x = PlantedSample.Create(samples, features, scales, 0.1, shift, new Rng(seed));
                PcaModel exact = PcaModel.Fit(x, scales.Length, new JacobiSvd());
                (Matrix axes, double[] variance) = MLNetPca.Fit(x, scales.Length, (int)seed);
                double value = compare(exact, axes, variance).MaxAbsDiff;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name} seed {seed} {samples}×{features} shift {shift}: {value:0.000e+0} (θ = {MLNetPca.SubspaceAngle(exact.Components, axes):0.0e+0} rad)"));
                largest = double.IsFinite(value) ? Math.Max(largest, value) : double.NaN;
            }
            return largest;
        }
    }
}
