using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// Wald inference for θ̂ = [b, w] (d + 1) at the minimiser of <see cref="LogisticObjective"/> on X (n×d):
/// H = ∇²f(θ̂) = X̃ᵀ·W·X̃ + λ·diag(0, 1, …, 1), W = diag(pᵢ(1 − pᵢ)), and Cov(θ̂) ≈ H⁻¹ ((d + 1)×(d + 1)), formed
/// column by column from H's Cholesky factor (H·cⱼ = eⱼ) and mirrored so it is exactly symmetric. Standard errors
/// seⱼ = √(H⁻¹)ⱼⱼ, Wald zⱼ = θ̂ⱼ/seⱼ, two-sided pⱼ = 2Φ(−|zⱼ|), 95 % intervals θ̂ⱼ ± z₀.₉₇₅·seⱼ. With λ = 0, H⁻¹ is the
/// inverse observed information, the large-sample covariance of the maximum-likelihood estimate; with λ &gt; 0 it is
/// the covariance of the Laplace approximation to the posterior under the prior w ~ N(0, I/λ) (b flat), and the
/// intervals are approximate credible intervals, not confidence intervals for the unpenalised θ (the estimate is
/// shrunk towards 0 and the interval is centred on the shrunk value). See docs/fraud-detection.md#coefficient-inference.
/// </summary>
public sealed class CoefficientInference
{
    private CoefficientInference(double[] estimate, Matrix covariance, double[]? standardErrors = null, double[]? z = null)
    {
        Estimate = estimate;
        Covariance = covariance;
        StandardErrors = standardErrors ?? [.. Enumerable.Range(0, estimate.Length).Select(j => Math.Sqrt(covariance[j, j]))];
        Z = z ?? [.. estimate.Select((t, j) => t / StandardErrors[j])];
    }

    /// <summary>z₀.₉₇₅ = Φ⁻¹(0.975) ≈ 1.959964, the half-width of a 95 % Wald interval in standard errors.</summary>
    public static double Z95 { get; } = MathNet.Numerics.Distributions.Normal.InvCDF(0.0, 1.0, 0.975);

    /// <summary>θ̂ = [b, w₁..w_d] (d + 1).</summary>
    public double[] Estimate { get; }

    /// <summary>H⁻¹, (d + 1)×(d + 1), symmetric.</summary>
    public Matrix Covariance { get; }

    /// <summary>seⱼ = √(H⁻¹)ⱼⱼ (d + 1), in θ's order [b, w₁..w_d].</summary>
    public double[] StandardErrors { get; }

    /// <summary>
    /// The inference at <paramref name="model"/>'s θ on X (n×d) with penalty λ; throws <see cref="LinearAlgebraException"/>
    /// when H is not numerically positive definite (λ = 0 with separable classes, a constant or collinear feature).
    /// </summary>
    public static CoefficientInference At(Matrix x, double lambda, LogisticModel model)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(model);
        return FromHessian(model.Theta, LogisticObjective.Hessian(x, lambda, model.Theta));
    }

    /// <summary>The inference from θ̂ (d + 1) and H = ∇²f(θ̂) ((d + 1)×(d + 1)): Cov = H⁻¹ by Cholesky.</summary>
    public static CoefficientInference FromHessian(double[] theta, Matrix hessian)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(hessian);
        int d1 = theta.Length;
        Cholesky factor = Cholesky.Factor(hessian);
        var covariance = new Matrix(d1, d1);
        double[] unit = new double[d1];
        for (int j = 0; j < d1; j++)
        {
            unit[j] = 1.0;
            double[] column = factor.Solve(unit);
            unit[j] = 0.0;
            for (int i = 0; i < d1; i++)
            {
                covariance[i, j] = column[i];
            }
        }
        for (int i = 0; i < d1; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double mean = 0.5 * (covariance[i, j] + covariance[j, i]);
                covariance[i, j] = mean;
                covariance[j, i] = mean;
            }
        }
        return new CoefficientInference((double[])theta.Clone(), covariance);
    }

    /// <summary>Wald zⱼ = θ̂ⱼ/seⱼ (d + 1).</summary>
    public double[] Z { get; }

    /// <summary>Two-sided pⱼ = 2Φ(−|zⱼ|) (d + 1), from the lower tail so that small p-values keep their digits.</summary>
    public double[] PValues => [.. Z.Select(TwoSidedP)];

    /// <summary>The 95 % Wald interval θ̂ⱼ ± z₀.₉₇₅·seⱼ of entry <paramref name="j"/>.</summary>
    public (double Lo, double Hi) Interval95(int j) => (Estimate[j] - (Z95 * StandardErrors[j]), Estimate[j] + (Z95 * StandardErrors[j]));

    /// <summary>Var(x̃ᵀθ̂) = x̃ᵀ·H⁻¹·x̃ for one row x (d), x̃ = [1, x]: the delta method's variance of the logit.</summary>
    public double LogitVariance(ReadOnlySpan<double> x)
    {
        int d1 = Estimate.Length;
        if (x.Length != d1 - 1)
        {
            throw new ArgumentException($"a row of {x.Length} features for {d1 - 1} weights", nameof(x));
        }
        double sum = 0.0;
        for (int a = 0; a < d1; a++)
        {
            double xa = a == 0 ? 1.0 : x[a - 1];
            ReadOnlySpan<double> row = Covariance.Row(a);
            double inner = row[0];
            for (int c = 1; c < d1; c++)
            {
                inner += row[c] * x[c - 1];
            }
            sum += xa * inner;
        }
        return Math.Max(sum, 0.0);
    }

    /// <summary>
    /// The 95 % delta-method interval σ(ẑᵢ ± z₀.₉₇₅·√(x̃ᵢᵀH⁻¹x̃ᵢ)) of each row's probability σ(ẑᵢ), ẑᵢ = x̃ᵢᵀθ̂, for X
    /// (m×d) on the scale θ̂ was fitted on: the logit is linear in θ, so its variance is exact to first order, and σ is
    /// increasing, so the logit interval maps end to end (it is asymmetric on the probability, and stays in (0, 1)).
    /// </summary>
    public (double[] Lo, double[] Hi) ProbabilityIntervals95(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] logits = LogisticObjective.Logits(x, Estimate);
        double[] lo = new double[x.Rows], hi = new double[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            double half = Z95 * Math.Sqrt(LogitVariance(x.Row(i)));
            lo[i] = Sigmoid.Of(logits[i] - half);
            hi[i] = Sigmoid.Of(logits[i] + half);
        }
        return (lo, hi);
    }

    /// <summary>
    /// The same inference for the raw-unit parameters of a fit on standardised features z = (x − μ)/s:
    /// θ_raw = A·θ̂ with b_raw = b − Σⱼ wⱼμⱼ/sⱼ and w_raw,j = wⱼ/sⱼ, so Cov_raw = A·H⁻¹·Aᵀ. The standard errors are
    /// formed without the products 1/(sᵢsⱼ), which leave float64's range for extreme scales: se(w_raw,j) = seⱼ/sⱼ and
    /// se(b_raw) = √(aᵀH⁻¹a) with a = [1, −μ₁/s₁, …, −μ_d/s_d]; a slope's z is the standardised one (wⱼ/sⱼ over seⱼ/sⱼ).
    /// </summary>
    public CoefficientInference ToRawUnits(IReadOnlyList<double> mean, IReadOnlyList<double> scale)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        int d1 = Estimate.Length;
        var a = new Matrix(d1, d1);
        a[0, 0] = 1.0;
        for (int j = 1; j < d1; j++)
        {
            a[0, j] = -mean[j - 1] / scale[j - 1];
            a[j, j] = 1.0 / scale[j - 1];
        }
        double[] theta = a.Multiply(Estimate);
        Matrix covariance = a * Covariance * a.Transpose();
        for (int i = 0; i < d1; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double m = 0.5 * (covariance[i, j] + covariance[j, i]);
                covariance[i, j] = m;
                covariance[j, i] = m;
            }
        }
        double[] ratio = [1.0, .. Enumerable.Range(0, d1 - 1).Select(j => -mean[j] / scale[j])];
        double interceptSe = Math.Sqrt(Math.Max(0.0, Quadratic(Covariance, ratio)));
        double[] standardErrors = [interceptSe, .. Enumerable.Range(1, d1 - 1).Select(j => StandardErrors[j] / scale[j - 1])];
        return new CoefficientInference(theta, covariance, standardErrors, [theta[0] / interceptSe, .. Z[1..]]);
    }

    /// <summary>vᵀ·C·v for a symmetric C and v of its size.</summary>
    private static double Quadratic(Matrix c, ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        for (int a = 0; a < v.Length; a++)
        {
            sum += v[a] * System.Numerics.Tensors.TensorPrimitives.Dot(c.Row(a), v);
        }
        return sum;
    }

    /// <summary>2Φ(−|z|), NaN for a NaN z.</summary>
    public static double TwoSidedP(double z) => 2.0 * MathNet.Numerics.Distributions.Normal.CDF(0.0, 1.0, -Math.Abs(z));
}
