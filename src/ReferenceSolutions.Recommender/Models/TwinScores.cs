using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// What a factor difference means for a prediction. If every one of μ, bᵤ, bᵢ, P, Q of two twins differs by at most δ
/// (the per-epoch factor check's tolerance), then for one (u, i)
/// <code>
/// |r̂ − r̂'| ≤ |Δμ| + |Δbᵤ| + |Δbᵢ| + |pᵤ·(qᵢ − q'ᵢ) + (pᵤ − p'ᵤ)·q'ᵢ| ≤ δ·(3 + ‖pᵤ‖₁ + ‖q'ᵢ‖₁)
/// </code>
/// exactly, and each side's float64 evaluation of μ + bᵤ + bᵢ + Σ_f p_f q_f (k + 3 roundings) adds at most
/// γ_{k+3}·S, S = |μ| + |bᵤ| + |bᵢ| + Σ_f |p_f q_f|, γₙ = n·u/(1 − n·u), u = 2⁻⁵³. Clipping both to one range is
/// 1-Lipschitz, so |clip(r̂) − clip(r̂')| ≤ B = δ·(3 + ‖pᵤ‖₁ + ‖q'ᵢ‖₁) + γ_{k+3}·(S + S'). Each row's difference is
/// measured in units of its own B: the check passes at 1 whenever the factor check passed, and a twin that scores
/// another model's factors, or with another formula, misses by orders of magnitude more.
/// </summary>
public static class TwinScores
{
    /// <summary>u = 2⁻⁵³, the float64 unit roundoff.</summary>
    public const double UnitRoundoff = 1.1102230246251565e-16;

    /// <summary>
    /// The comparison of <paramref name="left"/> (named <paramref name="leftName"/>) and <paramref name="right"/> on the
    /// pairs, each row's |Δ| in units of its bound B for factor tolerance <paramref name="delta"/>.
    /// </summary>
    public static Comparison Compare(string leftName, FactorScorer left, string rightName, FactorScorer right, IReadOnlyList<long> users, IReadOnlyList<long> items, double delta)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        var comparison = new Comparison(leftName, rightName);
        for (int r = 0; r < users.Count; r++)
        {
            (double pNorm, _, double s) = Terms(left, users[r], items[r]);
            (_, double qNorm, double s2) = Terms(right, users[r], items[r]);
            int k = Math.Max(left.Model.Factors, right.Model.Factors);
            double gamma = (k + 3) * UnitRoundoff / (1.0 - ((k + 3) * UnitRoundoff));
            double bound = (delta * (3.0 + pNorm + qNorm)) + (gamma * (s + s2));
            comparison.Add($"row {r + 1} (user {users[r]}, item {items[r]})", left.Predict(users[r], items[r]), right.Predict(users[r], items[r]), bound);
        }
        return comparison;
    }

    /// <summary>‖pᵤ‖₁, ‖qᵢ‖₁ and S of one pair under <paramref name="scorer"/> (zero rows and biases for unknown ids).</summary>
    private static (double PNorm, double QNorm, double S) Terms(FactorScorer scorer, long userId, long itemId)
    {
        BiasedMf model = scorer.Model;
        int u = scorer.UserIndex(userId), i = scorer.ItemIndex(itemId);
        ReadOnlySpan<double> p = u >= 0 ? model.P.Row(u) : [];
        ReadOnlySpan<double> q = i >= 0 ? model.Q.Row(i) : [];
        double pNorm = 0.0, qNorm = 0.0, products = 0.0;
        foreach (double x in p)
        {
            pNorm += Math.Abs(x);
        }
        foreach (double x in q)
        {
            qNorm += Math.Abs(x);
        }
        if (u >= 0 && i >= 0)
        {
            for (int f = 0; f < p.Length; f++)
            {
                products += Math.Abs(p[f] * q[f]);
            }
        }
        double s = Math.Abs(model.Mu) + (u >= 0 ? Math.Abs(model.UserBias[u]) : 0.0) + (i >= 0 ? Math.Abs(model.ItemBias[i]) : 0.0) + products;
        return (pNorm, qNorm, s);
    }
}
