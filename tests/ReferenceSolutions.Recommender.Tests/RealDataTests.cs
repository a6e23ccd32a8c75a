using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>MovieLens small (skipped when absent) and the default run on the built-in planted-rank data.</summary>
public class RealDataTests
{
    [RealDataFact("movielens-small/ratings.csv", "movielens-small/movies.csv")]
    public void MovieLensBiasedMfReachesTheTargetAndBeatsTheBiases()
    {
        RatingSet all = RatingsFile.Read(RealData.Path("movielens-small/ratings.csv"));
        Assert.Equal(610, all.UserCount);
        var options = new RecommenderOptions();
        var rng = new Rng(42);
        (RatingSet train, RatingSet test) = all.Split(0.2, rng.Fork());
        BiasedMf initial = BiasedMf.Initial(all.UserCount, all.ItemCount, options.Factors, train.Mean(), RecommenderRun.InitialScale, rng.Fork());
        int[][] orders = MfSgd.Orders(train.Count, options.Epochs, rng.Fork());
        BiasedMf mf = new MfSgd(options.LearningRate, options.Regularization, orders).Train(initial, train);
        double mfRmse = RatingMetrics.Rmse(test, RatingMetrics.Predict(mf, test));
        double biasRmse = RatingMetrics.Rmse(test, RatingMetrics.Predict(BiasBaseline.Fit(train, RecommenderRun.BiasLambda, 10), test));
        Assert.True(mfRmse <= 0.860, $"MF test RMSE {mfRmse:F4} > 0.860");
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
            Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.MaxAbsDiff:E3} > {p.Tolerance:E1}"));
            Assert.All(report.Quality!, q => Assert.True(q.Passed, $"{q.Check}: {q.Value}"));
            ModelResult mf = report.Models.Single(m => m.Name == "mf-sgd-from-scratch");
            Assert.Equal(SyntheticRatings.PlantedRank, mf.Metrics["recoveredRank"]);
            Assert.Contains(report.Models, m => m.Name == "mf-torch");
            Assert.Contains(report.Models, m => m.Name == "ffm-mlnet");
            Assert.True(File.Exists(Path.Combine(folder, "singular-spectrum.png")));
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
