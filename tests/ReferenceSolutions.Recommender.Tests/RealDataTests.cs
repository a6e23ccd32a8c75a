using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Selection;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>MovieLens small (skipped when absent) and the default run on the built-in planted-rank data.</summary>
public class RealDataTests
{
    /// <summary>
    /// The run's protocol for MF-SGD and the bias baseline, seed 42: λ and epochs chosen on the validation split,
    /// refitted on train + validation, the test split scored once (clipped) — the gate RMSE ≤ 0.860 and MF beating biases.
    /// </summary>
    [RealDataFact("movielens-small/ratings.csv", "movielens-small/movies.csv")]
    public void MovieLensBiasedMfReachesTheTargetAndBeatsTheBiases()
    {
        RatingSet all = RatingsFile.Read(RealData.Path("movielens-small/ratings.csv"));
        Assert.Equal(610, all.UserCount);
        var rng = new Rng(42);
        RatingSplit split = RatingSplit.Create(all, rng.Fork());
        Rng selectionRng = rng.Fork();
        BiasedMf start = BiasedMf.Initial(all.UserCount, all.ItemCount, RecommenderOptions.DefaultFactors, split.Train.Mean(), RecommenderRun.InitialScale, selectionRng.Fork())
            .ZeroRowsWithoutRatings(split.Train);
        MfChoice sgd = HyperParameterSearch.Sgd(split.Train, split.Validation, start, RecommenderOptions.DefaultLearningRate, null, null, selectionRng.NextUInt64());
        BiasChoice bias = HyperParameterSearch.Bias(split.Train, split.Validation, null);

        Rng fitRng = rng.Fork();
        BiasedMf initial = BiasedMf.Initial(all.UserCount, all.ItemCount, RecommenderOptions.DefaultFactors, split.Fit.Mean(), RecommenderRun.InitialScale, fitRng.Fork())
            .ZeroRowsWithoutRatings(split.Fit);
        BiasedMf mf = new MfSgd(RecommenderOptions.DefaultLearningRate, sgd.Lambda, EpochOrders.Seeded(fitRng.NextUInt64(), sgd.Epochs)).Train(initial, split.Fit);
        var range = RatingRange.Of(split.Fit);
        double mfRmse = RatingMetrics.Rmse(split.Test, range.Predict(mf, split.Test));
        double biasRmse = RatingMetrics.Rmse(split.Test, range.Predict(BiasBaseline.Fit(split.Fit, bias.Lambda, HyperParameterSearch.BiasSweeps), split.Test));
        Assert.True(mfRmse <= RecommenderRun.MovieLensRmseTarget, $"MF test RMSE {mfRmse:F4} > {RecommenderRun.MovieLensRmseTarget} (λ = {sgd.Lambda}, {sgd.Epochs} epochs)");
        Assert.True(mfRmse < biasRmse, $"MF {mfRmse:F4} does not beat biases {biasRmse:F4}");
    }

    [RealDataFact("movielens-small/ratings.csv", "movielens-small/movies.csv")]
    public void MovieLensTitlesAreRead()
    {
        IReadOnlyDictionary<long, string> titles = MovieTitles.Read(RealData.Path("movielens-small/movies.csv"));
        Assert.Equal("Toy Story (1995)", titles[1]);
    }

    [Fact]
    public void DefaultRunPassesEveryCheckAndRecoversThePlantedRank()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"refsol-recommender-run-{Guid.NewGuid():N}");
        try
        {
            RunReport report = new RecommenderSolution().Run(new RunContext(42, folder, SilentProgress.Instance));
            Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.MaxAbsDiff:E3} > {p.Tolerance:E1} {p.Failure}"));
            Assert.All(report.Parity, p => Assert.False(string.IsNullOrWhiteSpace(p.MeasuredOn), $"{p.Check} does not say what it was measured on"));
            Assert.All(report.Parity, p => Assert.Contains(RecommenderChecks.All, d => d.Id == p.Id && d.Where.Contains("run recommender")));
            Assert.All(report.Quality!, q => Assert.True(q.Passed, $"{q.Check}: {q.Value}"));
            ModelResult mf = report.Models.Single(m => m.Name == "mf-sgd-from-scratch");
            Assert.Equal(SyntheticRatings.PlantedRank, mf.Metrics["recoveredRank"]);
            IReadOnlyDictionary<string, object> als = report.Models.Single(m => m.Name == "als-from-scratch").Metrics;
            Assert.Equal(report.Protocol!.Test - (int)als["coldTestRatings"], als["intervalTestRatings"]);
            Assert.InRange((double)als["intervalCoverage80"], 0.5, (double)als["intervalCoverage95"]);
            Assert.InRange((double)als["intervalWidth80"], 0.0, (double)als["intervalWidth95"]);
            Assert.Contains(report.Models, m => m.Name == "mf-torch");
            Assert.Contains(report.Models, m => m.Name == "ffm-mlnet");
            Assert.Equal(Core.Evaluation.SelectionKinds.Validation, report.Protocol!.Selection);
            Assert.True(File.Exists(Path.Combine(folder, "singular-spectrum.png")));
            Assert.True(File.Exists(Path.Combine(folder, "pca-scree.png")));
            Assert.True(File.Exists(Path.Combine(folder, "rmse-mf-sgd-from-scratch.png")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
