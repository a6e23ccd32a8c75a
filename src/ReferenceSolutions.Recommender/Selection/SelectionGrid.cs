namespace ReferenceSolutions.Recommender.Selection;

/// <summary>
/// The hyper-parameter values tried on the validation split (docs/recommender.md#protocol). The epoch counts are not a
/// list: a trainer runs up to the maximum once per λ and the validation RMSE is taken after every epoch, so every
/// epoch count 1..max is a candidate. A value given on the command line replaces its grid.
/// </summary>
public static class SelectionGrid
{
    /// <summary>λ of the bias baseline.</summary>
    public static IReadOnlyList<double> BiasLambdas { get; } = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0];

    /// <summary>λ of MF-SGD.</summary>
    public static IReadOnlyList<double> SgdLambdas { get; } = [0.02, 0.05, 0.1, 0.2];

    /// <summary>The most MF-SGD epochs tried.</summary>
    public const int SgdMaxEpochs = 100;

    /// <summary>λ of ALS (weighted-λ: the ridge of a row with n ratings is λ·n).</summary>
    public static IReadOnlyList<double> AlsLambdas { get; } = [0.02, 0.05, 0.1, 0.2, 0.5];

    /// <summary>The most ALS epochs tried.</summary>
    public const int AlsMaxEpochs = 20;
}
