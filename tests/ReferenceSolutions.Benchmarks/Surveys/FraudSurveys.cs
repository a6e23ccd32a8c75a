using System.Collections.Concurrent;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection;

namespace ReferenceSolutions.Benchmarks.Surveys;

/// <summary>
/// The tolerance surveys of the fraud solution. Each measures a run-time parity check as <c>refsol run fraud</c> reports
/// it, on the data the check runs on, per seed: the built-in generated data (seed s, time split), the ULB sample
/// (time split, which no seed moves, and stratified with seed s) and the credit-default file (stratified, seed s),
/// the two real files when present (their absence is printed). The value for a seed is the largest over those runs.
/// </summary>
internal static class FraudSurveys
{
    public static IReadOnlyList<IToleranceSurvey> All { get; } =
    [
        new RunParitySurvey("fraud-theta-torch", FraudTolerances.NewtonFloat64, FraudChecks.ThetaTorch.Id),
        new RunParitySurvey("fraud-theta-mlnet", FraudTolerances.Float32LbfgsRelative, FraudChecks.ThetaMLNet.Id),
        new RunParitySurvey("fraud-objective-mlnet", FraudTolerances.Float32Objective, FraudChecks.ObjectiveMLNet.Id),
        new RunParitySurvey("fraud-pca-scores", FraudTolerances.AnomalyScores, FraudChecks.AnomalyScores.Id),
        new PlantedPcaSurvey(),
    ];

    /// <summary>max |Δs| between the PCA twins at k = 3 and 5 on <c>PlantedSpectrum.Sample(seed)</c>, ML.NET seeded with the seed too.</summary>
    private sealed class PlantedPcaSurvey : IToleranceSurvey
    {
        public string Name => "fraud-pca-scores-planted";

        public Tolerance Tolerance => FraudTolerances.AnomalyScoresPlanted;

        public double Factor => FraudTolerances.SurveyFactor;

        public double Measure(ulong seed)
        {
            (Core.LinearAlgebra.Matrix normal, Core.LinearAlgebra.Matrix rows) = FraudDetection.Anomaly.PlantedSpectrum.Sample(seed);
            double largest = 0;
            foreach (int rank in new[] { 3, 5 })
            {
                double[] ours = FraudDetection.Anomaly.PcaAnomalyDetector.Fit(normal, rank).Score(rows);
                double[] theirs = FraudDetection.Anomaly.MLNetPcaAnomaly.Fit(normal, rank, (int)seed).Score(rows);
                Comparison comparison = FraudComparisons.AnomalyScores(ours, theirs);
                largest = comparison.NonFinite is null ? Math.Max(largest, comparison.MaxAbsDiff) : double.NaN;
            }
            return largest;
        }
    }

    /// <summary>One parity check's largest maxAbsDiff over the runs of a seed.</summary>
    private sealed class RunParitySurvey(string name, Tolerance tolerance, string checkId) : IToleranceSurvey
    {
        public string Name => name;

        public Tolerance Tolerance => tolerance;

        public double Factor => FraudTolerances.SurveyFactor;

        public double Measure(ulong seed)
        {
            double largest = 0;
            foreach (IReadOnlyDictionary<string, double> run in FraudRuns.Of(seed))
            {
                double value = run[checkId];
                largest = double.IsFinite(value) ? Math.Max(largest, value) : double.NaN;
                if (double.IsNaN(largest))
                {
                    return largest;
                }
            }
            return largest;
        }
    }

    /// <summary>The runs of one seed, made once and shared by every survey above.</summary>
    private static class FraudRuns
    {
        private static readonly ConcurrentDictionary<ulong, IReadOnlyList<IReadOnlyDictionary<string, double>>> Cache = new();

        public static IReadOnlyList<IReadOnlyDictionary<string, double>> Of(ulong seed) => Cache.GetOrAdd(seed, Run);

        private static IReadOnlyList<IReadOnlyDictionary<string, double>> Run(ulong seed)
        {
            var options = new List<FraudRunOptions> { new(BootstrapReplicates: 50) };
            string? sample = DatasetLocator.Find("creditcard-fraud/creditcard_sample.csv");
            string? credit = DatasetLocator.Find("credit-default/credit-default.csv");
            if (sample is not null)
            {
                options.Add(new FraudRunOptions(DataFile: sample, BootstrapReplicates: 50));
                options.Add(new FraudRunOptions(DataFile: sample, Split: SplitKinds.Stratified, BootstrapReplicates: 50));
            }
            if (credit is not null)
            {
                options.Add(new FraudRunOptions(DataFile: credit, Label: "default", BootstrapReplicates: 50));
            }
            if (seed == 1)
            {
                Console.Error.WriteLine($"  fraud surveys: built-in data, {sample ?? "creditcard_sample.csv absent"}, {credit ?? "credit-default.csv absent"}");
            }
            var runs = new List<IReadOnlyDictionary<string, double>>();
            foreach (FraudRunOptions option in options)
            {
                string folder = Directory.CreateTempSubdirectory("fraud-survey-").FullName;
                try
                {
                    RunReport report = new FraudSolution().Run(new RunContext(seed, folder, SilentProgress.Instance), option);
                    runs.Add(report.Parity.ToDictionary(p => p.Id!, p => p.MaxAbsDiff));
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            return runs;
        }
    }
}
