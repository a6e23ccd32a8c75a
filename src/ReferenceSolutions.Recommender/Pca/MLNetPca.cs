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
/// handed over; PCA is shift-invariant, so this changes nothing but the rounding. Its axes are read
/// back as W·eⱼ − W·0 (one probe row per feature), normalised, and signed by the shared convention; explained
/// variance is the sample variance (N − 1) of each projected training column.
/// </summary>
public static class MLNetPca
{
    /// <summary>Components (K×d) and explained variance (K) from ML.NET, seeded by <paramref name="seed"/>.</summary>
    public static (Matrix Components, double[] ExplainedVariance) Fit(Matrix x, int components, int seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = x.Columns;
        var ml = new MLContext(seed: seed);
        SchemaDefinition schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        double[] mean = PcaModel.ColumnMeans(x);
        var rows = new List<FeatureRow>(x.Rows);
        for (int i = 0; i < x.Rows; i++)
        {
            rows.Add(new FeatureRow { Features = ToFloat(x.Row(i), mean) });
        }
        IDataView data = ml.Data.LoadFromEnumerable(rows, schema);
        var estimator = ml.Transforms.ProjectToPrincipalComponents(nameof(ProjectedRow.Projected), nameof(FeatureRow.Features), rank: components, overSampling: 20, ensureZeroMean: true, seed: seed);
        ITransformer transformer = estimator.Fit(data);

        var probes = new List<FeatureRow> { new() { Features = new float[d] } };
        for (int j = 0; j < d; j++)
        {
            float[] unit = new float[d];
            unit[j] = 1f;
            probes.Add(new FeatureRow { Features = unit });
        }
        float[][] probed = Project(ml, transformer, probes, schema);
        var axes = new Matrix(components, d);
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < components; i++)
            {
                axes[i, j] = (double)probed[j + 1][i] - probed[0][i];
            }
        }
        float[][] projected = Project(ml, transformer, rows, schema);
        double[] variance = new double[components];
        for (int i = 0; i < components; i++)
        {
            double average = projected.Average(z => (double)z[i]);
            variance[i] = projected.Sum(z => ((z[i] - average) * (z[i] - average))) / (x.Rows - 1);
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
    /// A zero gap makes s infinite: the K-subspace is not determined, and the comparison reports that.
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
    /// The comparison behind the ML.NET subspace check, in units of <see cref="SubspaceScale"/>: first the orthogonal
    /// projectors VₖᵀVₖ of both sides entry by entry (each |ΔPᵢⱼ| ≤ ‖ΔP‖₂ = sin θ ≤ θ, so they never set the maximum,
    /// but a non-finite axis is reported on its own side), then θ itself — the largest principal angle of ML.NET's
    /// subspace to the from-scratch one, with 0 on the from-scratch side. MaxAbsDiff is θ / s; θ in radians is in
    /// <see cref="Comparison.Worst"/>.
    /// </summary>
    public static Comparison SubspaceComparison(PcaModel exact, Matrix mlnetAxes)
    {
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(mlnetAxes);
        double scale = SubspaceScale(exact);
        var comparison = new Comparison("from-scratch", "mlnet")
            .Add("projector VₖᵀVₖ", Gemm.MultiplyTransposeA(exact.Components, exact.Components), Gemm.MultiplyTransposeA(mlnetAxes, mlnetAxes), scale);
        if (comparison.NonFinite is null)
        {
            comparison.Add("θ (rad)", 0.0, SubspaceAngle(exact.Components, mlnetAxes), scale);
        }
        return comparison;
    }

    /// <summary>ML.NET's explained variances against the exact ones, in units of <see cref="VarianceScale"/>.</summary>
    public static Comparison VarianceComparison(PcaModel exact, double[] mlnetVariance)
    {
        ArgumentNullException.ThrowIfNull(exact);
        return new Comparison("from-scratch", "mlnet").Add("explained variance", exact.ExplainedVariance, mlnetVariance, VarianceScale(exact));
    }

    private static float[][] Project(MLContext ml, ITransformer transformer, List<FeatureRow> rows, SchemaDefinition schema)
    {
        IDataView view = transformer.Transform(ml.Data.LoadFromEnumerable(rows, schema));
        return ml.Data.CreateEnumerable<ProjectedRow>(view, reuseRowObject: false).Select(r => r.Projected).ToArray();
    }

    private static float[] ToFloat(ReadOnlySpan<double> row, double[] mean)
    {
        float[] result = new float[row.Length];
        for (int j = 0; j < row.Length; j++)
        {
            result[j] = (float)(row[j] - mean[j]);
        }
        return result;
    }

    private sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class ProjectedRow
    {
        public float[] Projected { get; set; } = [];
    }
}
