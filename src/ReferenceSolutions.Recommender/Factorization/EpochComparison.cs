using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// The comparison behind the twins' per-epoch parity: for every epoch e = 1..E, μ, bᵤ, bᵢ, P and Q after epoch e of
/// one trainer (the left side) against those after epoch e of its twin (the right side). Parts are named
/// <c>epoch e μ</c>, <c>epoch e P</c>, …, so a failure says which epoch, which table and which entry.
/// </summary>
public static class EpochComparison
{
    /// <summary>The comparison of <paramref name="leftStates"/> (named <paramref name="left"/>) with <paramref name="rightStates"/>, epoch by epoch.</summary>
    public static Comparison Of(string left, IReadOnlyList<BiasedMf> leftStates, string right, IReadOnlyList<BiasedMf> rightStates)
    {
        ArgumentNullException.ThrowIfNull(leftStates);
        ArgumentNullException.ThrowIfNull(rightStates);
        if (leftStates.Count != rightStates.Count)
        {
            throw new ArgumentException($"{left} reported {leftStates.Count} epochs but {right} reported {rightStates.Count}");
        }
        var comparison = new Comparison(left, right);
        for (int e = 0; e < leftStates.Count; e++)
        {
            leftStates[e].AddTo(comparison, rightStates[e], $"epoch {e + 1}");
        }
        return comparison;
    }
}
