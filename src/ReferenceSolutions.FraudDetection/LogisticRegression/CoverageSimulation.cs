using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// The coverage of the 95 % Wald interval of a slope, measured: S data sets of n rows, X (n×2) with rows
/// x ~ N(0, I₂), y ~ Bernoulli(σ(b + 0.8x₁ − 0.5x₂)), the intercept b chosen so that the event rate
/// P(y = 1) = E[σ(b + ‖w‖·Z)], Z ~ N(0, 1), equals the requested π; each data set is fitted by Newton at λ = 0 and
/// the interval ŵ₁ ± z₀.₉₇₅·se(ŵ₁) is checked against the planted w₁ = 0.8. A data set has no finite MLE when it has no
/// event or no non-event, or when Newton does not meet its stopping rule or H at its end is not numerically positive
/// definite — the signature of (quasi-)separation, where ‖θ‖ grows without bound. Those data sets have no Wald interval:
/// they are counted in <see cref="CoverageCell.NoFiniteMle"/>, left out of <see cref="CoverageCell.Coverage"/> (coverage
/// given a finite MLE) and counted as misses in <see cref="CoverageCell.CoverageCountingMisses"/>.
/// See docs/fraud-detection.md#coefficient-inference.
/// </summary>
public static class CoverageSimulation
{
    /// <summary>The planted slopes w = (0.8, −0.5); the interval studied is w₁'s.</summary>
    public static IReadOnlyList<double> Slopes { get; } = [0.8, -0.5];

    /// <summary>
    /// The documented grid, n ∈ {50, 200, 1000} × π ∈ {0.5, 0.1, 0.02} (π outer), S = 1,000 data sets per cell, cell k
    /// (from 0, in this order) seeded 2026 + k: the table and figure of docs/fraud-detection.md#coefficient-inference
    /// and the cells the test guards.
    /// </summary>
    public static IReadOnlyList<(int N, double EventRate, ulong Seed)> Grid { get; } =
        [.. new[] { 0.5, 0.1, 0.02 }.SelectMany(rate => new[] { 50, 200, 1000 }.Select(n => (n, rate))).Select((cell, k) => (cell.n, cell.rate, 2026UL + (ulong)k))];

    /// <summary>The data sets per cell of <see cref="Grid"/>.</summary>
    public const int GridReplications = 1000;

    /// <summary>
    /// The intercept b with E[σ(b + ‖w‖·Z)] = π: the expectation by the trapezoid rule on z ∈ [−10, 10] (4,001 points,
    /// the normal density beyond ±10 is below 1e-22), b by bisection on [−30, 30] (the expectation increases in b).
    /// </summary>
    public static double InterceptFor(double eventRate)
    {
        if (!(eventRate > 0 && eventRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(eventRate), eventRate, "an event rate in (0, 1)");
        }
        double spread = Math.Sqrt(Slopes.Sum(w => w * w));
        double Rate(double b)
        {
            const int Points = 4001;
            const double Step = 20.0 / (Points - 1);
            double sum = 0.0;
            for (int k = 0; k < Points; k++)
            {
                double z = -10.0 + (k * Step);
                double weight = k == 0 || k == Points - 1 ? 0.5 : 1.0;
                sum += weight * Math.Exp(-0.5 * z * z) * Sigmoid.Of(b + (spread * z));
            }
            return sum * Step / Math.Sqrt(2.0 * Math.PI);
        }
        double lo = -30.0, hi = 30.0;
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-12; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            (lo, hi) = Rate(mid) < eventRate ? (mid, hi) : (lo, mid);
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>One data set of n rows at intercept b: X (n×2) and y (n), drawn from <paramref name="rng"/>.</summary>
    public static (Matrix X, int[] Y) Sample(int n, double intercept, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Matrix x = rng.GaussianMatrix(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.NextDouble() < Sigmoid.Of(intercept + (Slopes[0] * x[i, 0]) + (Slopes[1] * x[i, 1])) ? 1 : 0;
        }
        return (x, y);
    }

    /// <summary>
    /// The Wald inference of one data set at λ = 0, or null when it has no finite MLE (one class only, Newton
    /// unconverged, or H at its end not numerically positive definite).
    /// </summary>
    public static CoefficientInference? Fit(Matrix x, int[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        int events = y.Sum();
        if (events == 0 || events == y.Length)
        {
            return null;
        }
        NewtonFit fit = new NewtonLogisticRegression().Solve(x, y, 0.0);
        if (!fit.Converged)
        {
            return null;
        }
        try
        {
            CoefficientInference inference = CoefficientInference.At(x, 0.0, fit.Model);
            return inference.StandardErrors.All(double.IsFinite) ? inference : null;
        }
        catch (LinearAlgebraException)
        {
            return null;
        }
    }

    /// <summary>
    /// S = <paramref name="replications"/> data sets of <paramref name="n"/> rows at event rate π, all drawn from one
    /// <see cref="Rng"/> seeded with <paramref name="seed"/>; <paramref name="extra"/>, when given, is called for each
    /// data set with a finite MLE and returns whether a second interval of w₁ covers 0.8 (its count is
    /// <see cref="CoverageCell.CoveredExtra"/>).
    /// </summary>
    public static CoverageCell Run(int n, double eventRate, int replications, ulong seed, Func<Matrix, int[], CoefficientInference, bool>? extra = null)
    {
        double intercept = InterceptFor(eventRate);
        var rng = new Rng(seed);
        int covered = 0, coveredExtra = 0, noMle = 0;
        long events = 0;
        for (int s = 0; s < replications; s++)
        {
            (Matrix x, int[] y) = Sample(n, intercept, rng);
            events += y.Sum();
            CoefficientInference? inference = Fit(x, y);
            if (inference is null)
            {
                noMle++;
                continue;
            }
            (double lo, double hi) = inference.Interval95(1);
            covered += lo <= Slopes[0] && Slopes[0] <= hi ? 1 : 0;
            coveredExtra += extra is not null && extra(x, y, inference) ? 1 : 0;
        }
        return new CoverageCell(n, eventRate, intercept, replications, covered, coveredExtra, noMle, (double)events / replications);
    }
}

/// <summary>
/// The result of <see cref="CoverageSimulation.Run"/> for one (n, π): S replications, how many had no finite MLE, how many
/// of the rest had a Wald interval of w₁ covering 0.8 (and a second interval, when one was measured), and the mean
/// number of events per data set.
/// </summary>
public sealed record CoverageCell(int N, double EventRate, double Intercept, int Replications, int Covered, int CoveredExtra, int NoFiniteMle, double MeanEvents)
{
    /// <summary>The data sets with a finite MLE, m = S − no-MLE.</summary>
    public int WithMle => Replications - NoFiniteMle;

    /// <summary>Coverage given a finite MLE, ĉ = covered/m (NaN when m = 0).</summary>
    public double Coverage => WithMle == 0 ? double.NaN : (double)Covered / WithMle;

    /// <summary>The second interval's coverage given a finite MLE (NaN when m = 0).</summary>
    public double CoverageExtra => WithMle == 0 ? double.NaN : (double)CoveredExtra / WithMle;

    /// <summary>Coverage with the data sets that have no MLE counted as misses, covered/S.</summary>
    public double CoverageCountingMisses => (double)Covered / Replications;

    /// <summary>The Monte-Carlo standard error √(ĉ(1 − ĉ)/m) of <see cref="Coverage"/>.</summary>
    public double MonteCarloSe => Math.Sqrt(Coverage * (1.0 - Coverage) / WithMle);

    /// <summary>The Monte-Carlo standard error of a coverage of 0.95 over m data sets, √(0.95·0.05/m): the unit of the check against 95 %.</summary>
    public double NominalSe => Math.Sqrt(0.95 * 0.05 / WithMle);
}
