using Microsoft.ML;
using Microsoft.ML.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Pca;

/// <summary>
/// The ML.NET twin of <see cref="PcaModel"/>: <c>Transforms.ProjectToPrincipalComponents</c> (rank K, oversampling 20,
/// zero mean) on X: N×d as float32. ML.NET computes in float32 a randomized range finder of the covariance
/// C = X_cᵀX_c/N (Y = C·Ω, Gram–Schmidt, B = C·Q, eigenvectors of BᵀB) and maps x ↦ W·x − W·μ. Because it forms
/// C·Ω as Σ x(ωᵀx)/N − μ(ωᵀμ) from raw rows in float32, a large mean cancels catastrophically (measured: an offset
/// of N(0, 1) per feature moves the subspace by ≈ 1e-2 rad), so the rows are centred in float64 before they are
/// handed over, and scaled by an exact power of two that brings the largest centred entry into [2¹⁰, 2¹¹) (float32
/// would turn data near 1e-50 into zeros and near 1e40 into ∞; and ML.NET loses accuracy on small values: measured on
/// the 100×6 planted sample, its λ₁ was off by 5e-6 relative with the largest entry in [1, 2), by 2e-7 from [2⁴, 2⁵)
/// up); PCA is shift-invariant and its axes scale-invariant, so this changes nothing but the rounding, and the
/// variances are scaled back. Its axes are read back as W·eⱼ − W·0 (one sparse
/// probe row per feature, streamed, so d features cost O(d·K), not d² floats), normalised, and signed by the shared
/// convention; explained variance is the sample variance (N − 1) of each projected training column.
/// </summary>
public static class MLNetPca
{
    /// <summary>The power of two of the largest centred entry handed to ML.NET (see the class summary).</summary>
    private const int FloatMagnitude = 10;

    /// <summary>Components (K×d) and explained variance (K) from ML.NET, seeded by <paramref name="seed"/>.</summary>
    public static (Matrix Components, double[] ExplainedVariance) Fit(Matrix x, int components, int seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = x.Columns;
        var ml = new MLContext(seed: seed);
        SchemaDefinition schema = Schema<FeatureRow>(d);
        (Matrix scaled, int exponent) = PowerOfTwoScaling.Scale(x);
        double[] mean = PcaModel.ColumnMeans(scaled);
        int centredExponent = Math.ILogB(Math.Max(CentredMaxAbs(scaled, mean), double.Epsilon)) - FloatMagnitude;
        var rows = new List<FeatureRow>(x.Rows);
        for (int i = 0; i < x.Rows; i++)
        {
            rows.Add(new FeatureRow { Features = ToFloat(scaled.Row(i), mean, centredExponent) });
        }
        IDataView data = ml.Data.LoadFromEnumerable(rows, schema);
        var estimator = ml.Transforms.ProjectToPrincipalComponents(nameof(ProjectedRow.Projected), nameof(FeatureRow.Features), rank: components, overSampling: 20, ensureZeroMean: true, seed: seed);
        ITransformer transformer = estimator.Fit(data);

        float[][] probed = Project(ml, transformer, ml.Data.LoadFromEnumerable(Probes(d), Schema<ProbeRow>(d)));
        var axes = new Matrix(components, d);
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < components; i++)
            {
                axes[i, j] = (double)probed[j + 1][i] - probed[0][i];
            }
        }
        float[][] projected = Project(ml, transformer, data);
        double[] variance = new double[components];
        for (int i = 0; i < components; i++)
        {
            double average = projected.Average(z => (double)z[i]);
            double sum = projected.Sum(z => ((z[i] - average) * (z[i] - average))) / (x.Rows - 1);
            variance[i] = Math.ScaleB(sum, 2 * (exponent + centredExponent));
            double norm = Norms.Euclidean(axes.Row(i));
            for (int j = 0; j < d; j++)
            {
                axes[i, j] /= norm;
            }
        }
        int[] order = Enumerable.Range(0, components).OrderByDescending(i => variance[i]).ToArray();
        var sorted = new Matrix(components, d);
        for (int i = 0; i < components; i++)
        {
            axes.Row(order[i]).CopyTo(sorted.Row(i));
        }
        SignConvention.ApplyToRows(sorted);
        return (sorted, order.Select(i => variance[i]).ToArray());
    }

    /// <summary>
    /// The largest principal angle θ between the row spaces of <paramref name="a"/> and <paramref name="b"/> (both K×d with
    /// orthonormal rows): sin θ = ‖B − (B·Aᵀ)·A‖₂.
    /// </summary>
    public static double SubspaceAngle(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Matrix residual = b - (Gemm.MultiplyTransposeB(b, a) * a);
        double sine = new JacobiSvd().Decompose(residual).S[0];
        return Math.Asin(Math.Min(1.0, sine));
    }

    /// <summary>
    /// The float32 scale of ML.NET's PCA on this data: s = √N·u₃₂·λ₁/(λ_K − λ_{K+1}), u₃₂ = 2⁻²⁴. ML.NET forms C·Ω and
    /// C·Q by accumulating N rows in float32, a relative error of order √N·u₃₂ in C (rounding errors of random sign);
    /// by the Davis–Kahan sin θ theorem a symmetric perturbation E of C turns its K-subspace by sin θ ≤ ‖E‖₂/gap, so
    /// θ ≈ c·s with c of order 1 (measured by the survey behind <see cref="RecommenderTolerances.MLNetSubspace"/>).
    /// A zero gap makes s infinite: the K-subspace is not determined, and the comparison reports that. This models
    /// rounding only: on wide data (d ≫ N) ML.NET's oversampled range finder without power iterations is off by far
    /// more (measured θ up to 0.1 rad on 12×2000 and 0.016 rad on 60×2000 planted samples), and the check fails.
    /// </summary>
    public static double SubspaceScale(PcaModel exact)
    {
        ArgumentNullException.ThrowIfNull(exact);
        return VarianceScale(exact) / (exact.ExplainedVariance[^1] - exact.NextVariance);
    }

    /// <summary>The float32 scale of ML.NET's explained variances: √N·u₃₂·λ₁ (Weyl: each eigenvalue moves by at most ‖E‖₂).</summary>
    public static double VarianceScale(PcaModel exact)
    {
        ArgumentNullException.ThrowIfNull(exact);
        return Math.Sqrt(exact.Samples) * RecommenderTolerances.Float32UnitRoundoff * exact.ExplainedVariance[0];
    }

    /// <summary>
    /// The comparison behind the ML.NET subspace check, in units of <see cref="SubspaceScale"/>: first the first K
    /// columns of both sides' orthogonal projectors VₖᵀVₖ entry by entry (each |ΔPᵢⱼ| ≤ ‖ΔP‖₂ = sin θ ≤ θ, so they never
    /// set the maximum, but a non-finite axis — which spreads to every column of its projector — is reported on its own
    /// side; d×K numbers, where whole projectors would take d²), then θ itself — the largest principal angle of
    /// ML.NET's subspace to the from-scratch one, with 0 on the from-scratch side. MaxAbsDiff is θ / s; θ in radians is
    /// in <see cref="Comparison.Worst"/>.
    /// </summary>
    public static Comparison SubspaceComparison(PcaModel exact, Matrix mlnetAxes)
    {
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(mlnetAxes);
        double scale = SubspaceScale(exact);
        var comparison = new Comparison("from-scratch", "mlnet")
            .Add("projector VₖᵀVₖ", ProjectorColumns(exact.Components), ProjectorColumns(mlnetAxes), scale);
        if (comparison.NonFinite is null)
        {
            comparison.Add("θ (rad)", 0.0, SubspaceAngle(exact.Components, mlnetAxes), scale);
        }
        return comparison;
    }

    /// <summary>VₖᵀVₖ·[e₁ … e_K]: the first K columns of the projector onto the row space of <paramref name="axes"/> (K×d, K ≤ d), d×K.</summary>
    private static Matrix ProjectorColumns(Matrix axes)
    {
        int k = axes.Rows;
        var leading = new Matrix(k, k); // Vₖ·[e₁ … e_K]: the first K columns of Vₖ
        for (int i = 0; i < k; i++)
        {
            axes.Row(i)[..k].CopyTo(leading.Row(i));
        }
        return Gemm.MultiplyTransposeA(axes, leading); // (d, K)·(K, K) → (d, K)
    }

    /// <summary>ML.NET's explained variances against the exact ones, in units of <see cref="VarianceScale"/>.</summary>
    public static Comparison VarianceComparison(PcaModel exact, double[] mlnetVariance)
    {
        ArgumentNullException.ThrowIfNull(exact);
        return new Comparison("from-scratch", "mlnet").Add("explained variance", exact.ExplainedVariance, mlnetVariance, VarianceScale(exact));
    }

    private static float[][] Project(MLContext ml, ITransformer transformer, IDataView rows) =>
        ml.Data.CreateEnumerable<ProjectedRow>(transformer.Transform(rows), reuseRowObject: false).Select(r => r.Projected).ToArray();

    /// <summary>The probe rows 0, e₁, …, e_d as sparse vectors, produced one at a time: O(d) memory and O(K) work each, where dense probes would take d² floats.</summary>
    private static IEnumerable<ProbeRow> Probes(int d)
    {
        yield return new ProbeRow { Features = new VBuffer<float>(d, 0, [], []) };
        for (int j = 0; j < d; j++)
        {
            yield return new ProbeRow { Features = new VBuffer<float>(d, 1, [1f], [j]) };
        }
    }

    private static SchemaDefinition Schema<T>(int d)
    {
        SchemaDefinition schema = SchemaDefinition.Create(typeof(T));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        return schema;
    }

    /// <summary>max |xᵢⱼ − μⱼ|.</summary>
    private static double CentredMaxAbs(Matrix x, double[] mean)
    {
        double max = 0.0;
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                max = Math.Max(max, Math.Abs(row[j] - mean[j]));
            }
        }
        return max;
    }

    /// <summary>(x − μ)·2⁻ᵉ in float32.</summary>
    private static float[] ToFloat(ReadOnlySpan<double> row, double[] mean, int exponent)
    {
        float[] result = new float[row.Length];
        for (int j = 0; j < row.Length; j++)
        {
            result[j] = (float)Math.ScaleB(row[j] - mean[j], -exponent);
        }
        return result;
    }

    private sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class ProbeRow
    {
        public VBuffer<float> Features { get; set; }
    }

    private sealed class ProjectedRow
    {
        public float[] Projected { get; set; } = [];
    }
}
