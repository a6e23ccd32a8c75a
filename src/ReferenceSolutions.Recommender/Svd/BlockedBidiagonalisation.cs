using System.Numerics.Tensors;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Householder bidiagonalisation in panels (Dongarra, Sorensen &amp; Hammarling 1989; Golub &amp; Van Loan §5.4.8), so
/// that half of its 4rc² − 4c³/3 flops are GEMM. Step k reflects column k from the diagonal down by
/// Hₖ = I − τₖ·uₖ·uₖᵀ (Hₖ·x = dₖ·e₁) and then row k right of the diagonal by Gₖ = I − πₖ·vₖ·vₖᵀ (giving eₖ). Within a
/// panel of b steps starting at k₀ the trailing matrix is not touched: after j steps it is A₀ − U·Yᵀ − X·Vᵀ, with
/// A₀ the matrix at the panel's start, U = [u_{k₀} …], V = [v_{k₀} …] and
/// yₖ = τₖ·(A₀ᵀ·uₖ − Y·(Uᵀ·uₖ) − V·(Xᵀ·uₖ)) (so that Hₖ·A = A − uₖ·yₖᵀ),
/// xₖ = πₖ·(A₀·vₖ − U·(Yᵀ·vₖ) − X·(Vᵀ·vₖ)) with U, Y now including step k (so that A·Gₖ = A − xₖ·vₖᵀ).
/// Only column k and row k are brought up to date before their reflections are chosen; A₀·vₖ and A₀ᵀ·uₖ read rows and
/// columns past k, which the panel has not changed. At the panel's end the trailing block takes the whole update at
/// once, A ← A − [U X]·[Y V]ᵀ, a GEMM with inner dimension 2b.
/// </summary>
internal static class BlockedBidiagonalisation
{
    /// <summary>Steps per panel.</summary>
    public const int PanelWidth = 32;

    /// <summary>Reduces a copy of the tall <paramref name="a"/> (r ≥ c).</summary>
    public static HouseholderBidiagonal Reduce(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows < a.Columns)
        {
            throw new ArgumentException($"bidiagonalisation needs r ≥ c; A is {a.Rows}×{a.Columns}", nameof(a));
        }
        int r = a.Rows, c = a.Columns;
        var state = new State(a.Clone(), new double[c], new double[Math.Max(c - 1, 0)], new Matrix(c, r), new double[c], new Matrix(c, c), new double[c]);
        for (int k0 = 0; k0 < c; k0 += PanelWidth)
        {
            int b = Math.Min(PanelWidth, c - k0);
            var yt = new Matrix(b, c); // row j is y_{k₀+j}
            var xt = new Matrix(b, r); // row j is x_{k₀+j}
            for (int j = 0; j < b; j++)
            {
                Step(state, k0, j, yt, xt);
            }
            UpdateTrailing(state, k0, b, yt, xt);
        }
        return new HouseholderBidiagonal(state.D, state.E, new HouseholderProduct(state.U, state.Tau, 0), new HouseholderProduct(state.V, state.Pi, 1));
    }

    /// <summary>Step k = k₀ + j of a panel: reflect column k (dₖ, uₖ, τₖ, yₖ), then row k (eₖ, vₖ, πₖ, xₖ).</summary>
    private static void Step(State s, int k0, int j, Matrix yt, Matrix xt)
    {
        Matrix a = s.A, u = s.U, v = s.V;
        int r = a.Rows, c = a.Columns, k = k0 + j;

        // Column k from the diagonal down, brought up to date, then reflected: uₖ is built in its own row of U.
        Span<double> uk = u.Row(k)[k..];
        for (int i = k; i < r; i++)
        {
            uk[i - k] = a[i, k];
        }
        for (int p = 0; p < j; p++)
        {
            TensorPrimitives.MultiplyAdd(u.Row(k0 + p)[k..], -yt[p, k], uk, uk);
            TensorPrimitives.MultiplyAdd(xt.Row(p)[k..], -v[k0 + p, k], uk, uk);
        }
        (s.D[k], s.Tau[k]) = Reflector(uk);
        if (k == c - 1)
        {
            return;
        }

        // yₖ = τₖ·(A₀ᵀ·uₖ − Y·(Uᵀ·uₖ) − V·(Xᵀ·uₖ)) on columns k + 1 …
        Span<double> y = yt.Row(j)[(k + 1)..];
        if (s.Tau[k] != 0.0)
        {
            for (int i = k; i < r; i++)
            {
                TensorPrimitives.MultiplyAdd(a.Row(i)[(k + 1)..], uk[i - k], y, y);
            }
            for (int p = 0; p < j; p++)
            {
                TensorPrimitives.MultiplyAdd(yt.Row(p)[(k + 1)..], -TensorPrimitives.Dot<double>(u.Row(k0 + p)[k..], uk), y, y);
                TensorPrimitives.MultiplyAdd(v.Row(k0 + p)[(k + 1)..], -TensorPrimitives.Dot<double>(xt.Row(p)[k..], uk), y, y);
            }
            TensorPrimitives.Multiply(y, s.Tau[k], y);
        }

        // Row k right of the diagonal, brought up to date (Hₖ included), then reflected: vₖ is built in its own row of V.
        Span<double> vk = v.Row(k)[(k + 1)..];
        a.Row(k)[(k + 1)..].CopyTo(vk);
        for (int p = 0; p <= j; p++)
        {
            TensorPrimitives.MultiplyAdd(yt.Row(p)[(k + 1)..], -u[k0 + p, k], vk, vk);
        }
        for (int p = 0; p < j; p++)
        {
            TensorPrimitives.MultiplyAdd(v.Row(k0 + p)[(k + 1)..], -xt[p, k], vk, vk);
        }
        (s.E[k], s.Pi[k]) = Reflector(vk);
        if (s.Pi[k] == 0.0)
        {
            return;
        }

        // xₖ = πₖ·(A₀·vₖ − U·(Yᵀ·vₖ) − X·(Vᵀ·vₖ)) on rows k + 1 …, with U and Y including step k.
        Span<double> x = xt.Row(j)[(k + 1)..];
        for (int i = k + 1; i < r; i++)
        {
            x[i - k - 1] = TensorPrimitives.Dot<double>(a.Row(i)[(k + 1)..], vk);
        }
        for (int p = 0; p <= j; p++)
        {
            TensorPrimitives.MultiplyAdd(u.Row(k0 + p)[(k + 1)..], -TensorPrimitives.Dot<double>(yt.Row(p)[(k + 1)..], vk), x, x);
        }
        for (int p = 0; p < j; p++)
        {
            TensorPrimitives.MultiplyAdd(xt.Row(p)[(k + 1)..], -TensorPrimitives.Dot<double>(v.Row(k0 + p)[(k + 1)..], vk), x, x);
        }
        TensorPrimitives.Multiply(x, s.Pi[k], x);
    }

    /// <summary>
    /// Rows and columns k₀ + b … of A ← A − U·Yᵀ − X·Vᵀ = A − Lᵀ·R with L = [Uᵀ; Xᵀ] and R = [Yᵀ; Vᵀ] (2b rows each), one
    /// GEMM on copies of the blocks.
    /// </summary>
    private static void UpdateTrailing(State s, int k0, int b, Matrix yt, Matrix xt)
    {
        Matrix a = s.A;
        int t = k0 + b, rows = a.Rows - t, columns = a.Columns - t;
        if (columns <= 0)
        {
            return;
        }
        var left = new Matrix(2 * b, rows);
        var right = new Matrix(2 * b, columns);
        for (int p = 0; p < b; p++)
        {
            s.U.Row(k0 + p)[t..].CopyTo(left.Row(p));
            xt.Row(p)[t..].CopyTo(left.Row(b + p));
            yt.Row(p)[t..].CopyTo(right.Row(p));
            s.V.Row(k0 + p)[t..].CopyTo(right.Row(b + p));
        }
        var trailing = new Matrix(rows, columns);
        for (int i = 0; i < rows; i++)
        {
            a.Row(t + i)[t..].CopyTo(trailing.Row(i));
        }
        Gemm.Compute(-1.0, left, true, right, false, 1.0, trailing);
        for (int i = 0; i < rows; i++)
        {
            trailing.Row(i).CopyTo(a.Row(t + i)[t..]);
        }
    }

    /// <summary>
    /// Overwrites x with the Householder vector w (w₀ = 1) of H = I − τ·w·wᵀ with H·x = β·e₁ and returns (β, τ):
    /// with σ = ‖x₁…‖ and ν = ‖x‖, β = −sign(x₀)·ν (no cancellation in x₀ − β), τ = (β − x₀)/β and w = x/(x₀ − β).
    /// When σ = 0, x is already β·e₁ with β = x₀, and H = I (τ = 0).
    /// </summary>
    internal static (double Beta, double Tau) Reflector(Span<double> x)
    {
        double x0 = x[0];
        double tail = Norms.Euclidean(x[1..]);
        x[0] = 1.0;
        if (tail == 0.0)
        {
            return (x0, 0.0);
        }
        double norm = double.Hypot(x0, tail);
        double beta = x0 >= 0.0 ? -norm : norm;
        TensorPrimitives.Divide(x[1..], x0 - beta, x[1..]);
        return (beta, (beta - x0) / beta);
    }

    /// <summary>The working copy of A, B's diagonals, and the reflections found so far (row k of U is uₖ, of V is vₖ).</summary>
    private sealed record State(Matrix A, double[] D, double[] E, Matrix U, double[] Tau, Matrix V, double[] Pi);
}
