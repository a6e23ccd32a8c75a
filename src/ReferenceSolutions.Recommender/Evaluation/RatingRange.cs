using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Evaluation;

/// <summary>
/// The range [min, max] of the training ratings, to which every reported prediction is clipped:
/// clip(r̂) = min(max(r̂, min), max). Clipping never moves a prediction away from any rating inside the range, so it can
/// only lower the error on ratings on the same scale. Parity checks compare the unclipped values.
/// </summary>
public sealed record RatingRange(double Min, double Max)
{
    /// <summary>The range of <paramref name="train"/>'s ratings (at least one rating).</summary>
    public static RatingRange Of(RatingSet train)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("a rating range needs at least one rating", nameof(train));
        }
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double value in train.Values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        return new RatingRange(min, max);
    }

    /// <summary>min(max(<paramref name="prediction"/>, Min), Max).</summary>
    public double Clip(double prediction) => Math.Clamp(prediction, Min, Max);

    /// <summary>
    /// √(Σᵣ (rᵣ − clip(r̂ᵣ))² / N) over <paramref name="set"/> (at least one rating), summed in rating order without
    /// holding the N predictions: the same operations in the same order as
    /// <c>RatingMetrics.Rmse(set, Predict(model, set))</c>, so the same bits, without an N-double array per call (the
    /// per-epoch curves call it once an epoch, 160 MB a call at 20 M ratings). The squared errors are computed on every
    /// core and added in order (<see cref="OrderedSum"/>); <paramref name="model"/>'s predictions must be safe to call
    /// from several threads (every <see cref="IRatingModel"/> here only reads its state).
    /// </summary>
    public double Rmse(IRatingModel model, RatingSet set)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        double sum = OrderedSum.Of(set.Count, r =>
        {
            double e = set.Values[r] - Clip(model.Predict(set.Users[r], set.Items[r]));
            return e * e;
        });
        return Math.Sqrt(sum / set.Count);
    }

    /// <summary>The clipped prediction of <paramref name="model"/> for every rating of <paramref name="set"/>.</summary>
    public double[] Predict(IRatingModel model, RatingSet set)
    {
        double[] scores = RatingMetrics.Predict(model, set);
        for (int r = 0; r < scores.Length; r++)
        {
            scores[r] = Clip(scores[r]);
        }
        return scores;
    }
}
