using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Selection;

/// <summary>
/// The run's seeded random split of N ratings: <see cref="Test"/> = round(0.2·N) ratings, drawn first;
/// <see cref="Validation"/> = round(⅛·(N − test)) of the rest (≈ 10 % of N); <see cref="Train"/> the remaining ≈ 70 %.
/// Hyper-parameters are chosen by fitting on Train and scoring Validation; the reported models are then fitted on
/// <see cref="Fit"/> = Train ∪ Validation and scored on Test once. Every part keeps the file's order and its index
/// space (all users and items of the file).
/// </summary>
public sealed record RatingSplit(RatingSet Fit, RatingSet Train, RatingSet Validation, RatingSet Test)
{
    /// <summary>The share of all ratings held out as the test split.</summary>
    public const double TestFraction = 0.2;

    /// <summary>The share of the non-test ratings held out for validation (⅛ of 80 % = 10 % of all).</summary>
    public const double ValidationFraction = 0.125;

    /// <summary>The split of <paramref name="all"/> drawn from <paramref name="rng"/> (test first, then validation); fewer than 3 ratings leave no test split, an input error.</summary>
    public static RatingSplit Create(RatingSet all, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(rng);
        (int[] fit, int[] test) = Splits.Random(all.Count, TestFraction, rng.Fork());
        if (test.Length == 0)
        {
            throw new Core.Data.UserInputException($"{all.Source}: {all.Count} ratings are too few to hold out a test split ({TestFraction:P0} of them rounds to none); a run needs at least 3");
        }
        (int[] train, int[] validation) = Splits.Random(fit.Length, ValidationFraction, rng.Fork());
        return new RatingSplit(
            all.Subset(fit),
            all.Subset([.. train.Select(r => fit[r])]),
            all.Subset([.. validation.Select(r => fit[r])]),
            all.Subset(test));
    }
}
