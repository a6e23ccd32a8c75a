namespace ReferenceSolutions.FraudDetection.Onnx;

/// <summary>
/// What the exported graph of a from-scratch logistic regression holds: the d feature names in order, the
/// standardisation μ, s (d each), the intercept b, the coefficients w (d) and the prior's β (null for none). The
/// probability of a raw row x is σ(b + Σⱼ wⱼ·(xⱼ·2^eⱼ − μⱼ)/sⱼ), then β·p/(β·p − p + 1) with a prior, where
/// <see cref="Exponents"/> are the powers of two <see cref="Data.Standardizer"/> scales extreme columns by (μⱼ and sⱼ
/// then being the scaled values it stores); null, or all 0, for ordinary data, where z = (x − μ)/s.
/// </summary>
public sealed record SavedLogisticRegression(
    IReadOnlyList<string> Features,
    double[] Mean,
    double[] Scale,
    double Intercept,
    double[] Coefficients,
    double? PriorBeta,
    int[]? Exponents = null)
{
    /// <summary>The manifest's <c>format</c> for this layout.</summary>
    public const string Format = Models.FraudModelFormats.LogReg;
}
