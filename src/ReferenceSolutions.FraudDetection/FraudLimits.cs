using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// The input limits of this solution and the cost each one bounds (docs/fraud-detection.md#input-limits). Shapes are
/// checked once the data are read, before any model is fitted, so a refused input costs no more than reading it:
/// d ≥ <see cref="MinFeatures"/> (the PCA models keep k ≤ d − 1 components), d ≤ <c>--max-features</c> (Newton's and
/// TorchSharp's (d + 1)×(d + 1) Hessians cost O(n·d²) time per step, the latter d + 1 backward passes, and the PCA and
/// Mahalanobis scores factor d×d covariances) and n ≤ <c>--max-rows</c> (<c>run fraud</c> fits every model 31 times
/// on a stratified split and bootstraps 6 × B replicates of the test rows, so its time grows linearly in n with a large
/// constant). A refusal is a <see cref="UserInputException"/> naming the file, the limit and the option that raises it.
/// </summary>
public static class FraudLimits
{
    /// <summary>The default of <c>--max-features</c>: a 5 MB input of that width stays under 60 s and 2 GB.</summary>
    public const int DefaultMaxFeatures = 50;

    /// <summary>The default of <c>--max-rows</c>: a 5 MB input of that length stays under 60 s and 2 GB.</summary>
    public const int DefaultMaxRows = 100_000;

    /// <summary>The fewest features a run can use: its PCA anomaly models keep k ≤ d − 1 ≥ 1 components.</summary>
    public const int MinFeatures = 2;

    /// <summary>
    /// The largest standardised value |z| = |x − μ|/s a run accepts (μ, s of the training rows). Beyond it, ML.NET's
    /// float32 twins would overflow: RandomizedPca's squared distance ‖r‖² ≤ d·10³⁰ stays below float32's 3.4e38 only
    /// for |z| ≤ 10¹⁵ at d ≤ a few hundred. Training rows themselves always have |z| ≤ √n.
    /// </summary>
    public const double MaxStandardScore = 1e15;

    /// <summary>
    /// The largest raw feature value <c>verify logreg</c> accepts (it fits raw features): ML.NET reads features as
    /// float32, whose largest finite value is 3.4e38; a larger value would reach it as ∞.
    /// </summary>
    public const double MaxRawValue = float.MaxValue;

    /// <summary>
    /// The largest ridge λ accepted by <c>--l2</c>: ML.NET's <c>L2Regularization</c> is a float32, which is ∞ beyond
    /// 3.4e38 (its optimizer then yields NaN). Well below that, from about 10¹⁵, float32 L-BFGS no longer resolves
    /// w ≈ ∇/λ and the ML.NET parity checks fail (exit 1): a measured disagreement, not a refusal.
    /// </summary>
    public const double MaxLambda = float.MaxValue;

    /// <summary>
    /// The largest cost accepted for <c>--fp-cost</c> and <c>--fn-cost</c>: costs are summed over rows weighted by up to
    /// 1/β, and cost × Σ weights × 1000 must stay far inside float64 (≤ 10¹⁰⁰ × 10²⁵ × 10³ for every accepted prior).
    /// </summary>
    public const double MaxCost = 1e100;

    /// <summary>
    /// The smallest <c>--prior</c> (and 1 − it the largest): the legitimate rows' weight 1/β grows as 1/π, and with
    /// π ≥ 10⁻¹² every weighted sum stays below 10²⁵ for any n the limits allow.
    /// </summary>
    public const double MinPrior = 1e-12;

    /// <summary>
    /// The most rows <c>verify metrics</c> accepts: ML.NET's <c>Evaluate</c> computes AUPRC on a reservoir sample of
    /// 100,000 rows (BinaryClassifierEvaluator.Arguments.NumAuPrcExamples), so beyond that its AUPRC is an estimate and
    /// no comparison with the exact value can pass.
    /// </summary>
    public const int MLNetAuprcRows = 100_000;

    /// <summary>Refuses data with fewer than 2 or more than <paramref name="maxFeatures"/> features, or more than <paramref name="maxRows"/> rows.</summary>
    public static void CheckRunShape(LabeledData data, int maxRows, int maxFeatures)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Features < MinFeatures)
        {
            throw new UserInputException(Invariant($"{data.Source}: {data.Features} feature after taking out the label and the time column; run fraud needs at least {MinFeatures}, because its PCA anomaly models keep k ≤ d − 1 components"));
        }
        CheckFeatures(data, maxFeatures);
        if (data.Rows > maxRows)
        {
            throw new UserInputException(Invariant($"{data.Source}: {data.Rows} rows exceed --max-rows {maxRows}: the run fits every model up to 31 times and bootstraps 6 × 2000 replicates of the test rows, so its time grows with n; raise --max-rows to run anyway"));
        }
    }

    /// <summary>Refuses data with more than <paramref name="maxFeatures"/> features, naming the option.</summary>
    public static void CheckFeatures(LabeledData data, int maxFeatures)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Features > maxFeatures)
        {
            throw new UserInputException(Invariant($"{data.Source}: {data.Features} features exceed --max-features {maxFeatures}: Newton's and TorchSharp's Hessians and the PCA and Mahalanobis covariances are d×d, at O(n·d²) time per fit; raise --max-features to run anyway"));
        }
    }

    /// <summary>Refuses a limit option below 1.</summary>
    public static void CheckLimitOption(string option, int value)
    {
        if (value < 1)
        {
            throw new UserInputException(Invariant($"{option} must be a positive number, not {value}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
