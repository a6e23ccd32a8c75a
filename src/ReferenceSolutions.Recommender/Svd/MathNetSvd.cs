using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// MathNet's SVD (managed Golub–Kahan, LAPACK-style) as the independent oracle for tests and <c>refsol verify svd</c>:
/// thin (U: m×p, V: n×p, p = min(m, n)) and in the shared <see cref="SignConvention"/>. It does no work a
/// from-scratch class claims; it only checks them.
/// </summary>
public sealed class MathNetSvd : ISvd
{
    public string Name => "mathnet";

    public SvdResult Decompose(Matrix a)
    {
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(a.Rows, a.Columns, a.Data);
        var svd = m.Svd(computeVectors: true);
        int p = Math.Min(a.Rows, a.Columns);
        var u = new Matrix(a.Rows, p);
        var v = new Matrix(a.Columns, p);
        for (int j = 0; j < p; j++)
        {
            for (int i = 0; i < a.Rows; i++)
            {
                u[i, j] = svd.U[i, j];
            }
            for (int i = 0; i < a.Columns; i++)
            {
                v[i, j] = svd.VT[j, i];
            }
        }
        SignConvention.Apply(u, v);
        return new SvdResult(u, svd.S.Take(p).ToArray(), v);
    }
}
