using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>Column means μ (d) and sample covariance C = (1/(m − 1))·Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ (d×d) of X (m×d).</summary>
internal static class Covariance
{
    public static (double[] Mean, Matrix Covariance) Of(Matrix x)
    {
        int m = x.Rows, d = x.Columns;
        double[] mean = new double[d];
        for (int i = 0; i < m; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(mean, x.Row(i), mean);
        }
        System.Numerics.Tensors.TensorPrimitives.Divide(mean, m, mean);
        var centered = new Matrix(m, d);
        for (int i = 0; i < m; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(x.Row(i), mean, centered.Row(i));
        }
        Matrix c = Gemm.MultiplyTransposeA(centered, centered);   // (d,m)·(m,d) → (d,d)
        return (mean, (1.0 / (m - 1)) * c);
    }
}
