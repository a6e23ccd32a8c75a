using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// Profile-likelihood intervals for one entry θⱼ of θ = [b, w] (d + 1) of the logistic regression on X (n×d), y:
/// the profile deviance D(β) = 2[min_{θ: θⱼ = β} f(θ) − f(θ̂)], which for λ = 0 (f = −ℓ) is 2[ℓ(θ̂) − max_{θⱼ = β} ℓ(θ)],
/// and the 95 % interval {β : D(β) ≤ χ²₁,₀.₉₅}, χ²₁,₀.₉₅ = z₀.₉₇₅² ≈ 3.841. Each D(β) is a constrained Newton fit: θⱼ held
/// at β (its column acting as an offset β·x̃ⱼ), the other d entries moved by Newton on ∇f and ∇²f restricted to them,
/// warm-started from the previous fit. Each end is bracketed by stepping out from θ̂ⱼ by 2, 4, …, 64 Wald standard
/// errors, then found by regula falsi with the Illinois modification on D − χ² (it keeps a bracket, and halves the
/// retained end's value when one side repeats, which makes it superlinear). An end whose D stays below χ² 64 standard
/// errors out is ±∞: the likelihood is flat in that direction (separation), and the interval is one-sided; an end
/// whose constrained fits fail (a free-block Hessian not numerically positive definite) is NaN, never a number.
/// With λ &gt; 0 the same construction profiles the penalised objective (a posterior, not a likelihood).
/// See docs/fraud-detection.md#coefficient-inference.
/// </summary>
public static class ProfileLikelihood
{
    /// <summary>χ²₁,₀.₉₅ = z₀.₉₇₅² ≈ 3.841459, the 95 % quantile of χ² with one degree of freedom.</summary>
    public static double ChiSquare95 { get; } = CoefficientInference.Z95 * CoefficientInference.Z95;

    /// <summary>The root-finder stops once |D(β) − χ²| ≤ this.</summary>
    public const double DevianceTolerance = 1e-10;

    /// <summary>
    /// min f(θ) over θ with θⱼ = β, by Newton on the free entries from <paramref name="start"/> (d + 1; its entry j is
    /// replaced by β): Δ = (∇²f)_FF⁻¹(∇f)_F by Cholesky, step halved until f does not increase, stopped when
    /// t·‖Δ‖∞ ≤ 1e-13·(1 + ‖θ‖∞) or after 100 iterations. Returns f at the end and the constrained θ.
    /// </summary>
    public static (double Value, double[] Theta) Constrained(Matrix x, IReadOnlyList<int> y, double lambda, int j, double beta, ReadOnlySpan<double> start)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] theta = start.ToArray();
        theta[j] = beta;
        int[] free = [.. Enumerable.Range(0, theta.Length).Where(k => k != j)];
        double[] z = LogisticObjective.Logits(x, theta);
        double f = LogisticObjective.ValueAt(z, y, lambda, theta);
        double[] candidate = new double[theta.Length];
        for (int iteration = 0; iteration < 100; iteration++)
        {
            (double[] g, Matrix h) = LogisticObjective.GradientAndHessian(x, y, lambda, theta, z);
            var hFree = new Matrix(free.Length, free.Length);
            double[] gFree = new double[free.Length];
            for (int a = 0; a < free.Length; a++)
            {
                gFree[a] = g[free[a]];
                for (int c = 0; c < free.Length; c++)
                {
                    hFree[a, c] = h[free[a], free[c]];
                }
            }
            double[] step = Cholesky.Factor(hFree).Solve(gFree);
            double t = 1.0, fNew;
            while (true)
            {
                theta.CopyTo(candidate, 0);
                for (int a = 0; a < free.Length; a++)
                {
                    candidate[free[a]] -= t * step[a];
                }
                z = LogisticObjective.Logits(x, candidate);
                fNew = LogisticObjective.ValueAt(z, y, lambda, candidate);
                if (fNew <= f || t < 1e-10)
                {
                    break;
                }
                t *= 0.5;
            }
            candidate.CopyTo(theta, 0);
            f = fNew;
            if (t * Norms.MaxAbs(step) <= 1e-13 * (1.0 + Norms.MaxAbs(theta)))
            {
                break;
            }
        }
        return (f, theta);
    }

    /// <summary>D(β) = 2[min_{θⱼ = β} f − f(θ̂)] for the minimiser θ̂ (d + 1) of f.</summary>
    public static double Deviance(Matrix x, IReadOnlyList<int> y, double lambda, int j, double beta, double[] thetaHat)
    {
        ArgumentNullException.ThrowIfNull(thetaHat);
        double fHat = LogisticObjective.Value(x, y, lambda, thetaHat);
        return 2.0 * (Constrained(x, y, lambda, j, beta, thetaHat).Value - fHat);
    }

    /// <summary>
    /// The 95 % profile interval (lo, hi) of θⱼ around the minimiser θ̂ (d + 1) with Wald standard error
    /// <paramref name="waldSe"/> (the bracket's unit); an end is ±∞ when D stays below χ² 64 standard errors out, and
    /// NaN when a constrained fit on the way meets a free-block Hessian that is not numerically positive definite (every
    /// pᵢ(1 − pᵢ) underflowing: the constrained fit itself separates the classes).
    /// </summary>
    public static (double Lo, double Hi) Interval95(Matrix x, IReadOnlyList<int> y, double lambda, int j, double[] thetaHat, double waldSe)
    {
        ArgumentNullException.ThrowIfNull(thetaHat);
        double fHat = LogisticObjective.Value(x, y, lambda, thetaHat);
        return (End(x, y, lambda, j, thetaHat, fHat, waldSe, -1.0), End(x, y, lambda, j, thetaHat, fHat, waldSe, +1.0));
    }

    /// <summary>The end on the side <paramref name="sign"/> (−1 lower, +1 upper), NaN when a constrained fit fails.</summary>
    private static double End(Matrix x, IReadOnlyList<int> y, double lambda, int j, double[] thetaHat, double fHat, double waldSe, double sign)
    {
        try
        {
            return Root(x, y, lambda, j, thetaHat, fHat, waldSe, sign);
        }
        catch (LinearAlgebraException)
        {
            return double.NaN;
        }
    }

    /// <summary>Bracket the end on the side <paramref name="sign"/>, then Illinois regula falsi on D − χ².</summary>
    private static double Root(Matrix x, IReadOnlyList<int> y, double lambda, int j, double[] thetaHat, double fHat, double waldSe, double sign)
    {
        double[] warm = (double[])thetaHat.Clone();
        double G(double beta)
        {
            (double value, double[] theta) = Constrained(x, y, lambda, j, beta, warm);
            warm = theta;
            return (2.0 * (value - fHat)) - ChiSquare95;
        }
        double inner = thetaHat[j], gInner = -ChiSquare95, outer = double.NaN, gOuter = double.NaN;
        for (double k = 2.0; k <= 64.0; k *= 2.0)
        {
            double beta = thetaHat[j] + (sign * k * waldSe);
            double g = G(beta);
            if (g >= 0.0)
            {
                (outer, gOuter) = (beta, g);
                break;
            }
            (inner, gInner) = (beta, g);
        }
        if (double.IsNaN(outer))
        {
            return sign * double.PositiveInfinity;
        }
        int side = 0;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double beta = ((inner * gOuter) - (outer * gInner)) / (gOuter - gInner);
            double g = G(beta);
            if (Math.Abs(g) <= DevianceTolerance || Math.Abs(outer - inner) <= 1e-14 * (1.0 + Math.Abs(beta)))
            {
                return beta;
            }
            if (g < 0.0)
            {
                (inner, gInner) = (beta, g);
                gOuter = side == -1 ? 0.5 * gOuter : gOuter;
                side = -1;
            }
            else
            {
                (outer, gOuter) = (beta, g);
                gInner = side == +1 ? 0.5 * gInner : gInner;
                side = +1;
            }
        }
        return 0.5 * (inner + outer);
    }
}
