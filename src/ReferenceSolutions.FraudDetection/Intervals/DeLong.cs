using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Intervals;

/// <summary>
/// DeLong, DeLong &amp; Clarke-Pearson (1988): the variance of an AUC and the test of two correlated AUCs on the same
/// rows. With ψ(a, b) = [a &gt; b] + ½[a = b], the structural components are V₁₀(i) = (1/N)·Σⱼ ψ(sᵢ, sⱼ) for each
/// positive i and V₀₁(j) = (1/P)·Σᵢ ψ(sᵢ, sⱼ) for each negative j; AUC = mean V₁₀ = mean V₀₁ and
/// Var(AUC) ≈ S₁₀/P + S₀₁/N with S the sample (co)variances of the components. Two models r, s:
/// z = (A_r − A_s)/√(Var_r + Var_s − 2·Cov_rs), p = 2·(1 − Φ(|z|)) (docs/fraud-detection.md#delong).
/// Components come from midranks (Sun &amp; Xu 2014), O(n log n).
/// </summary>
public static class DeLong
{
    /// <summary>The AUC and its structural components V₁₀ (P) and V₀₁ (N).</summary>
    public sealed record Components(double Auc, double[] V10, double[] V01);

    /// <summary>Result of comparing two AUCs.</summary>
    public sealed record Comparison(double AucA, double AucB, double VarianceA, double VarianceB, double Covariance, double Z, double PValue);

    /// <summary>V₁₀ and V₀₁ of scores (n) against labels (n).</summary>
    public static Components Compute(double[] scores, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ScoreValidation.Check(scores, labels);
        double[] positive = [.. Enumerable.Range(0, scores.Length).Where(i => labels[i] == 1).Select(i => scores[i])];
        double[] negative = [.. Enumerable.Range(0, scores.Length).Where(i => labels[i] == 0).Select(i => scores[i])];
        int p = positive.Length, n = negative.Length;
        double[] all = [.. positive, .. negative];
        double[] rankAll = MidRanks(all);
        double[] rankPositive = MidRanks(positive);
        double[] rankNegative = MidRanks(negative);
        double[] v10 = new double[p];
        double[] v01 = new double[n];
        for (int i = 0; i < p; i++)
        {
            v10[i] = (rankAll[i] - rankPositive[i]) / n;
        }
        for (int j = 0; j < n; j++)
        {
            v01[j] = 1.0 - ((rankAll[p + j] - rankNegative[j]) / p);
        }
        return new Components(v10.Average(), v10, v01);
    }

    /// <summary>Var(AUC) = S₁₀/P + S₀₁/N; NaN when P &lt; 2 or N &lt; 2 (a sample variance of one component is 0/0).</summary>
    public static double Variance(double[] scores, IReadOnlyList<int> labels)
    {
        Components c = Compute(scores, labels);
        return (Covariance(c.V10, c.V10) / c.V10.Length) + (Covariance(c.V01, c.V01) / c.V01.Length);
    }

    /// <summary>
    /// DeLong's test of AUC(a) = AUC(b) for two models' scores on the same rows; z and p are NaN when the variance of
    /// the difference, Var_a + Var_b − 2·Cov_ab, is not positive (P &lt; 2, N &lt; 2, or components that agree exactly, as
    /// when both AUCs are 1): the test statistic is then 0/0.
    /// </summary>
    public static Comparison Compare(double[] scoresA, double[] scoresB, IReadOnlyList<int> labels)
    {
        Components a = Compute(scoresA, labels);
        Components b = Compute(scoresB, labels);
        int p = a.V10.Length, n = a.V01.Length;
        double varA = (Covariance(a.V10, a.V10) / p) + (Covariance(a.V01, a.V01) / n);
        double varB = (Covariance(b.V10, b.V10) / p) + (Covariance(b.V01, b.V01) / n);
        double cov = (Covariance(a.V10, b.V10) / p) + (Covariance(a.V01, b.V01) / n);
        double difference = varA + varB - (2 * cov);
        double z = difference > 0 ? (a.Auc - b.Auc) / Math.Sqrt(difference) : double.NaN;
        double pValue = double.IsFinite(z) ? 2.0 * (1.0 - MathNet.Numerics.Distributions.Normal.CDF(0.0, 1.0, Math.Abs(z))) : double.NaN;
        return new Comparison(a.Auc, b.Auc, varA, varB, cov, z, pValue);
    }

    /// <summary>The 1-based midranks of <paramref name="values"/> (ties share the mean of their ranks).</summary>
    internal static double[] MidRanks(double[] values)
    {
        int[] order = [.. Enumerable.Range(0, values.Length)];
        double[] keys = (double[])values.Clone();
        Array.Sort(keys, order);
        double[] ranks = new double[values.Length];
        int k = 0;
        while (k < keys.Length)
        {
            int end = k;
            while (end + 1 < keys.Length && keys[end + 1] == keys[k])
            {
                end++;
            }
            double mid = ((k + end) / 2.0) + 1.0;
            for (int t = k; t <= end; t++)
            {
                ranks[order[t]] = mid;
            }
            k = end + 1;
        }
        return ranks;
    }

    private static double Covariance(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.Length - 1);
    }
}
