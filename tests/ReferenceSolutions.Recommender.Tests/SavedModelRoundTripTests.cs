using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Models;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Every saved model, loaded from the run folder, scores what the run's in-memory model scored: bit for bit for
/// refsol-mf and torch-module, within float32 rounding for ML.NET's zip; the saved twins agree within the bound their
/// factor tolerance implies, and a model that is not the twin fails it.
/// </summary>
public sealed class SavedModelRoundTripTests(SavedModelsFixture run) : IClassFixture<SavedModelsFixture>
{
    [Fact]
    public void EveryRatingModelScoresBitForBitAfterLoading()
    {
        RecommenderRun.InRunModels inRun = run.InRun;
        RatingSet test = inRun.Test;
        Assert.True(test.Count > 50, $"only {test.Count} test ratings");
        var comparison = new Comparison("run", "loaded");
        AddModel(comparison, RecommenderModels.GlobalMean, inRun.GlobalMean, test);
        AddModel(comparison, RecommenderModels.BiasBaseline, inRun.Bias, test);
        AddModel(comparison, RecommenderModels.MfSgd, inRun.Sgd!, test);
        AddModel(comparison, RecommenderModels.Als, inRun.Als, test);
        RatingSet twinTest = inRun.Twins.Test;
        Assert.True(twinTest.Count > 0);
        AddModel(comparison, RecommenderModels.MfTorch, inRun.Twins.SgdTorch.Model, twinTest);
        AddModel(comparison, RecommenderModels.AlsTorch, inRun.Twins.AlsTorch.Model, twinTest);
        (_, _, FactorScorer? sgdSample) = Load(RecommenderModels.MfSgd);
        (_, _, FactorScorer? alsSample) = Load(RecommenderModels.Als);
        AddPairs(comparison, "mf-sgd twin sample", inRun.Twins.SgdScratch.Model, sgdSample!, twinTest);
        AddPairs(comparison, "als twin sample", inRun.Twins.AlsScratch.Model, alsSample!, twinTest);
        Assert.Equal(4 * test.Count + 4 * twinTest.Count, comparison.Count);
        ParityAssert.Passes(RecommenderChecks.SavedRoundTrip, comparison);
    }

    [Fact]
    public void FfmZipScoresWithinFloat32RoundingAfterLoading()
    {
        RatingSet test = run.InRun.Test;
        (string folder, ModelManifest manifest) = RecommenderModels.Find(run.RunFolder, RecommenderModels.Ffm, "test");
        MLNetFfm loaded = RecommenderModels.LoadFfm(folder, manifest);
        double[] scores = loaded.Score([.. test.Users.Select(u => test.UserIds[u])], [.. test.Items.Select(i => test.ItemIds[i])]);
        ParityAssert.Passes(RecommenderChecks.FfmRoundTrip, new Comparison("run", "loaded").Add("P(r ≥ 4)", run.InRun.FfmScores, scores));
    }

    [Fact]
    public void SavedTwinsAgreeWithinTheirPredictionBound()
    {
        (long[] users, long[] items) = Pairs();
        (_, _, FactorScorer? sgdSample) = Load(RecommenderModels.MfSgd);
        (_, _, FactorScorer? alsSample) = Load(RecommenderModels.Als);
        (FactorScorer mfTorch, _, _) = Load(RecommenderModels.MfTorch);
        (FactorScorer alsTorch, _, _) = Load(RecommenderModels.AlsTorch);
        ParityAssert.Passes(RecommenderChecks.SgdTwinScores,
            TwinScores.Compare(RecommenderModels.MfSgd, sgdSample!, RecommenderModels.MfTorch, mfTorch, users, items, RecommenderTolerances.SgdFactorsPerEpoch.Value));
        ParityAssert.Passes(RecommenderChecks.AlsTwinScores,
            TwinScores.Compare(RecommenderModels.Als, alsSample!, RecommenderModels.AlsTorch, alsTorch, users, items, RecommenderTolerances.AlsFactorsPerEpoch.Value));

        string input = Path.Combine(run.Folder, "pairs.csv");
        File.WriteAllLines(input, ["userId,movieId,rating", .. users.Select((u, r) => $"{u},{items[r]},3")]);
        ScoreOutput output = new RecommenderSolution().Score(new ScoreRequest(run.RunFolder, input));
        Assert.True(output.Report.Passed, string.Join("; ", output.Report.Comparisons.Select(c => $"{c.Check}: {c.MaxAbsDiff}")));
        Assert.Equal(["global-mean", "bias-baseline", "mf-sgd-from-scratch", "als-from-scratch", "ffm-mlnet", "mf-torch", "als-torch"], output.Columns.Select(c => c.Header));
        Assert.Equal(2, output.Report.Comparisons.Count);
    }

    [Fact]
    public void ScoringAnotherModelFailsTheTwinBound()
    {
        (long[] users, long[] items) = Pairs();
        (FactorScorer sgd, _, _) = Load(RecommenderModels.MfSgd);
        (FactorScorer als, _, _) = Load(RecommenderModels.Als);
        (FactorScorer mfTorch, _, _) = Load(RecommenderModels.MfTorch);
        (FactorScorer alsTorch, _, _) = Load(RecommenderModels.AlsTorch);
        ParityAssert.Fails(RecommenderChecks.SgdTwinScores,
            TwinScores.Compare(RecommenderModels.MfSgd, sgd, RecommenderModels.MfTorch, mfTorch, users, items, RecommenderTolerances.SgdFactorsPerEpoch.Value));
        ParityAssert.Fails(RecommenderChecks.AlsTwinScores,
            TwinScores.Compare(RecommenderModels.Als, als, RecommenderModels.AlsTorch, alsTorch, users, items, RecommenderTolerances.AlsFactorsPerEpoch.Value));
    }

    [Fact]
    public void AnUnknownIdScoresAsTheRunsZeroedRow()
    {
        (FactorScorer sgd, _, _) = Load(RecommenderModels.MfSgd);
        BiasedMf model = sgd.Model;
        var zeroed = new BiasedMf(model.Mu, [.. model.UserBias, 0.0], model.ItemBias, Append(model.P), model.Q);
        int item = 3;
        long itemId = sgd.ItemIds[item];
        Assert.Equal(zeroed.Predict(model.UserBias.Length, item), sgd.Unclipped(-5, itemId));
        Assert.Equal(model.Mu + model.UserBias[2], sgd.Unclipped(sgd.UserIds[2], 1_000_000));
        Assert.Equal(model.Mu, sgd.Unclipped(-5, 1_000_000));
        Assert.NotEqual(sgd.Unclipped(sgd.UserIds[0], itemId), sgd.Unclipped(-5, itemId));
    }

    [Fact]
    public void SavedMfSgdReproducesRecommendationsCsvAndTheColdStartList()
    {
        ModelRecommendations saved = ModelRecommendations.Load(run.RunFolder);
        Assert.Equal(File.ReadAllText(Path.Combine(run.RunFolder, "recommendations.csv")), saved.Csv(null));

        BiasedMf sgd = run.InRun.Sgd!;
        (FactorScorer loaded, _, _) = Load(RecommenderModels.MfSgd);
        foreach (int user in new[] { 0, 7, 59 })
        {
            IReadOnlyList<Recommendation> expected = TopN.For(sgd, loaded.Range, run.All, user, 12, null);
            Assert.Equal(expected, saved.For(run.All.UserIds[user], 12, null).Items);
        }

        RecommendationList cold = saved.For(123_456, 5, null);
        Assert.StartsWith("user 123456 is not in the saved model", cold.Notice, StringComparison.Ordinal);
        int[] counts = [.. run.All.ByItem().Select(r => r.Length)];
        int minimum = Math.Min(TopN.PopularMinimumRatings, counts.Max());
        (FactorScorer baseline, _, _) = Load(RecommenderModels.BiasBaseline);
        long[] expectedItems = [.. Enumerable.Range(0, run.All.ItemCount).Where(i => counts[i] >= minimum)
            .OrderByDescending(i => run.InRun.Bias.PredictForNewUser(i)).ThenBy(i => run.All.ItemIds[i]).Take(5).Select(i => run.All.ItemIds[i])];
        Assert.Equal(expectedItems, cold.Items.Select(r => r.ItemId));
        Assert.Equal(cold.Items.Select(r => baseline.Range.Clip(run.InRun.Bias.PredictForNewUser(run.All.ItemIds.ToList().IndexOf(r.ItemId)))), cold.Items.Select(r => r.PredictedRating));
    }

    private (FactorScorer Scorer, SeenItems? Seen, FactorScorer? TwinSample) Load(string name)
    {
        (string folder, ModelManifest manifest) = RecommenderModels.Find(run.RunFolder, name, "test");
        return RecommenderModels.LoadFactors(folder, manifest);
    }

    private void AddModel(Comparison comparison, string name, IRatingModel inRun, RatingSet set) => AddPairs(comparison, name, inRun, Load(name).Scorer, set);

    private static void AddPairs(Comparison comparison, string name, IRatingModel inRun, FactorScorer loaded, RatingSet set)
    {
        for (int r = 0; r < set.Count; r++)
        {
            comparison.Add($"{name} rating {r}", inRun.Predict(set.Users[r], set.Items[r]), loaded.Unclipped(set.UserIds[set.Users[r]], set.ItemIds[set.Items[r]]));
        }
    }

    /// <summary>Every (user, item) of the planted data, plus unknown users and items.</summary>
    private (long[] Users, long[] Items) Pairs()
    {
        var users = new List<long>();
        var items = new List<long>();
        foreach (long u in run.All.UserIds.Append(-1))
        {
            foreach (long i in run.All.ItemIds.Append(-1))
            {
                users.Add(u);
                items.Add(i);
            }
        }
        return ([.. users], [.. items]);
    }

    private static Core.LinearAlgebra.Matrix Append(Core.LinearAlgebra.Matrix p) => new(p.Rows + 1, p.Columns, [.. p.Data, .. new double[p.Columns]]);
}
