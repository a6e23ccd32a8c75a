using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Selection;

/// <summary>
/// Hyper-parameter selection on a validation split, one model at a time: every candidate is fitted on the training
/// part and scored by the RMSE of its predictions on the validation part, clipped to the training part's range (the
/// same clipping as the reported predictions); the lowest score wins, ties going to the first candidate in grid order
/// (λ ascending, then fewer epochs); a score that is not a number (a diverged fit) never wins, and is written as null.
/// For the factorizations one run per λ, up to the maximum epochs, is scored after every epoch; the λ values run in
/// parallel, each on its own copies, so the result does not depend on the thread count. Only the two parts passed in
/// are read, so a test split cannot enter the choice.
/// </summary>
public static class HyperParameterSearch
{
    /// <summary>The bias baseline's alternating sweeps (fixed: the updates converge in a few sweeps).</summary>
    public const int BiasSweeps = 10;

    /// <summary>λ of the bias baseline: <paramref name="lambda"/> when given, else the best of <see cref="SelectionGrid.BiasLambdas"/>.</summary>
    public static BiasChoice Bias(RatingSet train, RatingSet validation, double? lambda)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        if (lambda is double given)
        {
            return new BiasChoice(given, Searched: false, []);
        }
        var range = RatingRange.Of(train);
        var candidates = new List<Candidate>();
        int best = 0;
        foreach (double l in SelectionGrid.BiasLambdas)
        {
            double score = RatingMetrics.Rmse(validation, range.Predict(BiasBaseline.Fit(train, l, BiasSweeps), validation));
            candidates.Add(new Candidate(new Dictionary<string, object> { ["model"] = "bias-baseline", ["reg"] = l }, score));
            best = score < candidates[best].Score ? candidates.Count - 1 : best;
        }
        return new BiasChoice(SelectionGrid.BiasLambdas[best], Searched: true, candidates);
    }

    /// <summary>
    /// λ and epochs of MF-SGD (learning rate <paramref name="eta"/>) from <paramref name="initial"/>, with one rating
    /// order per epoch shared by every λ, drawn per epoch from <paramref name="ordersSeed"/> (<see cref="EpochOrders"/>):
    /// given values are fixed, the others searched (<see cref="SelectionGrid.SgdLambdas"/>, epochs
    /// 1..<see cref="SelectionGrid.SgdMaxEpochs"/>).
    /// </summary>
    public static MfChoice Sgd(RatingSet train, RatingSet validation, BiasedMf initial, double eta, double? lambda, int? epochs, ulong ordersSeed, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (lambda is double l && epochs is int e)
        {
            return new MfChoice(l, e, LambdaSearched: false, EpochsSearched: false, [], []);
        }
        int maxEpochs = epochs ?? SelectionGrid.SgdMaxEpochs;
        var orders = EpochOrders.Seeded(ordersSeed, maxEpochs);
        return ByEpoch("mf-sgd-from-scratch", lambda is double fixedLambda ? [fixedLambda] : SelectionGrid.SgdLambdas, maxEpochs, epochs is null,
            l => new MfSgd(eta, l, orders), initial, train, validation, progress);
    }

    /// <summary>λ and epochs of ALS from <paramref name="initial"/>: given values are fixed, the others searched (<see cref="SelectionGrid.AlsLambdas"/>, epochs 1..<see cref="SelectionGrid.AlsMaxEpochs"/>).</summary>
    public static MfChoice Als(RatingSet train, RatingSet validation, BiasedMf initial, double? lambda, int? epochs, Action<int, int>? progress = null)
    {
        if (lambda is double l && epochs is int e)
        {
            return new MfChoice(l, e, LambdaSearched: false, EpochsSearched: false, [], []);
        }
        int maxEpochs = epochs ?? SelectionGrid.AlsMaxEpochs;
        return ByEpoch("als-from-scratch", lambda is double fixedLambda ? [fixedLambda] : SelectionGrid.AlsLambdas, maxEpochs, epochs is null,
            l => new Factorization.Als(l, maxEpochs), initial, train, validation, progress);
    }

    private static MfChoice ByEpoch(string model, IReadOnlyList<double> lambdas, int maxEpochs, bool searchEpochs, Func<double, IMfTrainer> trainer,
        BiasedMf initial, RatingSet train, RatingSet validation, Action<int, int>? progress)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(validation);
        var range = RatingRange.Of(train);
        double[][] rmse = new double[lambdas.Count][];
        int done = 0;
        Parallel.For(0, lambdas.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            rmse[j] = new double[maxEpochs];
            trainer(lambdas[j]).Train(initial, train, (epoch, state) =>
            {
                rmse[j][epoch - 1] = range.Rmse(state, validation);
                progress?.Invoke(Interlocked.Increment(ref done), lambdas.Count * maxEpochs);
            });
        });
        var candidates = new List<Candidate>();
        (double Lambda, int Epochs, double Score) best = (lambdas[0], maxEpochs, double.NaN);
        for (int j = 0; j < lambdas.Count; j++)
        {
            for (int epoch = searchEpochs ? 1 : maxEpochs; epoch <= maxEpochs; epoch++)
            {
                double score = rmse[j][epoch - 1];
                candidates.Add(new Candidate(new Dictionary<string, object> { ["model"] = model, ["reg"] = lambdas[j], ["epochs"] = epoch }, score));
                if (score < best.Score || (double.IsNaN(best.Score) && double.IsFinite(score)))
                {
                    best = (lambdas[j], epoch, score);
                }
            }
        }
        ValidationCurve[] curves = [.. lambdas.Select((l, j) => new ValidationCurve(l, rmse[j]))];
        return new MfChoice(best.Lambda, best.Epochs, LambdaSearched: lambdas.Count > 1, EpochsSearched: searchEpochs, candidates, curves);
    }
}
