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

    /// <summary>The largest k: an ALS epoch costs (k + 1)² per rating and (k + 1)³ per user and item.</summary>
    public const int MaxFactors = 256;

    /// <summary>The most MF-SGD epochs (5× the selection grid's 100); memory does not grow with them, time does.</summary>
    public const int MaxEpochs = 500;

    /// <summary>The most ALS epochs (2.5× the selection grid's 20; ALS settles in 10–20).</summary>
    public const int MaxAlsEpochs = 50;

    /// <summary>The range of ALS's λ: above 0, so every system is positive definite, and within [10⁻⁶, 10⁶] so Cholesky's pivots stay well above rounding.</summary>
    public const double MinAlsRegularization = 1e-6;

    /// <summary>See <see cref="MinAlsRegularization"/>.</summary>
    public const double MaxAlsRegularization = 1e6;

    /// <summary>
    /// The most factor entries (m + n)·k a model may hold, 2²³: 64 MB a copy as doubles. A run holds a few copies at
    /// once (the initial state, one per selection thread, the refitted models, the QRs of the spectra), and every SGD
    /// step reads a random row of each table, so the limit keeps both memory and cache misses bounded.
    /// </summary>
    public const long MaxFactorEntries = 1L << 23;

    /// <summary>
    /// Throws <see cref="UserInputException"/> when k does not fit <paramref name="ratings"/>: k &gt; min(m, n) (more
    /// factors than users or items), or (m + n)·k above <see cref="MaxFactorEntries"/>.
    /// </summary>
    public void RequireFits(Ratings.RatingSet ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        int k = FactorCount;
        int least = Math.Min(ratings.UserCount, ratings.ItemCount);
        if (k > least)
        {
            throw new UserInputException($"{ratings.Source}: --factors {k} is larger than min(users, items) = {least}");
        }
        long rows = (long)ratings.UserCount + ratings.ItemCount;
        if (rows * k > MaxFactorEntries)
        {
            throw new UserInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{ratings.Source}: --factors {k} for {ratings.UserCount:N0} users and {ratings.ItemCount:N0} items needs (m + n)·k = {rows * k:N0} factors, above the {MaxFactorEntries:N0} a model may hold (64 MB a copy); {(rows > MaxFactorEntries ? "no --factors fits so many users and items" : $"use --factors ≤ {MaxFactorEntries / rows}")}"));
        }
    }

    /// <summary>Throws <see cref="UserInputException"/> for values no run can use, naming the option and its range.</summary>
    public void Validate()
    {
        if (Factors is < 1 or > MaxFactors)
        {
            throw new UserInputException($"--factors must be in 1..{MaxFactors} (an ALS epoch costs (k + 1)² per rating), not {Factors}");
        }
        if (Epochs is < 1 or > MaxEpochs)
        {
            throw new UserInputException($"--epochs must be in 1..{MaxEpochs} (each λ of the selection trains that many epochs), not {Epochs}");
        }
        if (AlsEpochs is < 1 or > MaxAlsEpochs)
        {
            throw new UserInputException($"--als-epochs must be in 1..{MaxAlsEpochs} (ALS settles in 10–20), not {AlsEpochs}");
        }
        if (LearningRate is double lr && !(lr > 0.0 && lr < 1.0))
        {
            throw new UserInputException($"--lr must be in (0, 1), not {Show(lr)}");
        }
        if (Regularization is double lambda && !(lambda >= 0.0 && Eta * lambda < 1.0))
        {
            throw new UserInputException($"--reg must be ≥ 0 and below 1/η = {Show(1.0 / Eta)} (each SGD step scales the factors by 1 − η·λ), not {Show(lambda)}");
        }
        if (BiasRegularization is double bias && !(bias >= 0.0 && double.IsFinite(bias)))
        {
            throw new UserInputException($"--bias-reg must be a finite number ≥ 0, not {Show(bias)}");
        }
        if (AlsRegularization is double als && !(als >= MinAlsRegularization && als <= MaxAlsRegularization))
        {
            throw new UserInputException($"--als-reg must be in [{Show(MinAlsRegularization)}, {Show(MaxAlsRegularization)}] (above 0 it keeps every ALS system positive definite), not {Show(als)}");
        }
    }

    private static string Show(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
