using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// Ridge regression from scratch, the worked placeholder model. With X̃ = [1 | X] (n×(d + 1), X: n×d row-major) and
/// θ = (b, w) (length d + 1) it minimises f(θ) = ‖X̃θ − y‖² + λ‖θ‖², the intercept penalised like every weight (as
/// ML.NET's SDCA penalises its bias). ∇f = 2X̃ᵀ(X̃θ − y) + 2λθ = 0 gives the normal equations
/// (X̃ᵀX̃ + λI)·θ = X̃ᵀy, so θ = (X̃ᵀX̃ + λI)⁻¹X̃ᵀy; A = X̃ᵀX̃ + λI is (d + 1)×(d + 1) symmetric positive definite for
/// λ &gt; 0 and is solved by Core's <see cref="Cholesky"/> (A = L·Lᵀ, then two triangular solves), never by forming A⁻¹.
/// Cost O(n·d²) for A and O(d³) for the factorisation. Derivation: docs/solutionname.md#ridge-regression.
/// </summary>
public static class RidgeRegression
{
    /// <summary>θ = (X̃ᵀX̃ + λI)⁻¹X̃ᵀy for X: n×d, y: n, λ &gt; 0.</summary>
    public static RidgeModel Fit(Matrix x, IReadOnlyList<double> y, double lambda)
    {
        (Matrix a, double[] b) = NormalEquations(x, y, lambda);
        return RidgeModel.FromTheta(Cholesky.Factor(a).Solve(b));
    }

    /// <summary>A = X̃ᵀX̃ + λI ((d + 1)×(d + 1)) and X̃ᵀy (length d + 1), X̃ = [1 | X].</summary>
    public static (Matrix A, double[] B) NormalEquations(Matrix x, IReadOnlyList<double> y, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
        {
            throw new ArgumentException($"X has {x.Rows} rows but y has {y.Count} values", nameof(y));
        }
        if (!(lambda > 0 && double.IsFinite(lambda)))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be a positive finite number");
        }
        Matrix design = Design(x);
        Matrix a = Gemm.MultiplyTransposeA(design, design);                                   // (d+1,n)·(n,d+1) → (d+1,d+1)
        for (int j = 0; j < a.Rows; j++)
        {
            a[j, j] += lambda;
        }
        double[] b = Gemm.MultiplyTransposeA(design, new Matrix(y.Count, 1, [.. y])).Data;  // (d+1,n)·(n,1) → (d+1)
        return (a, b);
    }

    /// <summary>X̃ = [1 | X], n×(d + 1).</summary>
    public static Matrix Design(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var design = new Matrix(x.Rows, x.Columns + 1);
        for (int i = 0; i < x.Rows; i++)
        {
            Span<double> row = design.Row(i);
            row[0] = 1.0;
            x.Row(i).CopyTo(row[1..]);
        }
        return design;
    }
}
