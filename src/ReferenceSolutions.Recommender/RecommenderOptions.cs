using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// What <c>refsol run recommender</c> is given: an optional MovieLens-layout ratings file (else the built-in seeded
/// data), an optional movies file, and the hyper-parameters given on the command line. A null hyper-parameter was not
/// given: k and η then take their fixed defaults, and λ and the epoch counts are chosen on the validation split from
/// <see cref="Selection.SelectionGrid"/>. A value that was given is fixed, never searched.
/// </summary>
public sealed record RecommenderOptions(
    string? RatingsPath = null,
    string? MoviesPath = null,
    int? Factors = null,
    int? Epochs = null,
    double? LearningRate = null,
    double? Regularization = null,
    double? AlsRegularization = null,
    int? AlsEpochs = null,
    double? BiasRegularization = null)
{
    /// <summary>k when <c>--factors</c> is not given.</summary>
    public const int DefaultFactors = 32;

    /// <summary>η of MF-SGD when <c>--lr</c> is not given.</summary>
    public const double DefaultLearningRate = 0.01;

    /// <summary>k.</summary>
    public int FactorCount => Factors ?? DefaultFactors;

    /// <summary>η.</summary>
    public double Eta => LearningRate ?? DefaultLearningRate;

    /// <summary>Throws <see cref="UserInputException"/> for values no run can use.</summary>
    public void Validate()
    {
        if (Factors is < 1 or > 1000)
        {
            throw new UserInputException($"--factors must be in 1..1000, not {Factors}");
        }
        if (Epochs is < 1 or > 10_000)
        {
            throw new UserInputException($"--epochs must be in 1..10000, not {Epochs}");
        }
        if (AlsEpochs is < 1 or > 10_000)
        {
            throw new UserInputException($"--als-epochs must be in 1..10000, not {AlsEpochs}");
        }
        if (LearningRate is double lr && !(lr > 0.0 && lr < 1.0))
        {
            throw new UserInputException($"--lr must be in (0, 1), not {lr}");
        }
        RequireRidge("--reg", Regularization, 0.0);
        RequireRidge("--bias-reg", BiasRegularization, 0.0);
        if (AlsRegularization is double als && !(als > 0.0 && double.IsFinite(als)))
        {
            throw new UserInputException($"--als-reg must be a finite number > 0 (it keeps every ALS system positive definite), not {als}");
        }
    }

    private static void RequireRidge(string option, double? value, double least)
    {
        if (value is double lambda && !(lambda >= least && double.IsFinite(lambda)))
        {
            throw new UserInputException($"{option} must be a finite number ≥ {least}, not {lambda}");
        }
    }
}
