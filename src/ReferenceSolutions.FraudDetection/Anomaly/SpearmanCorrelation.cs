using ReferenceSolutions.FraudDetection.Intervals;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>Spearman's ρ: the Pearson correlation of the midranks of a (n) and b (n); 1 when one is an increasing function of the other.</summary>
public static class SpearmanCorrelation
{
    /// <summary>ρ(a, b).</summary>
    public static double Compute(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double[] ra = DeLong.MidRanks(a), rb = DeLong.MidRanks(b);
        double ma = ra.Average(), mb = rb.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}
