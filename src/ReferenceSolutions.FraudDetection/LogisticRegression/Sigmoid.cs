namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>σ(z) = 1/(1 + e^{−z}) and the log-loss of a logit, both without overflow for large |z|.</summary>
public static class Sigmoid
{
    /// <summary>σ(z), evaluated as e^{z}/(1 + e^{z}) for z &lt; 0 so that e^{−z} never overflows.</summary>
    public static double Of(double z)
    {
        if (z >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-z));
        }
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>
    /// logloss(y, σ(z)) = −y·log σ(z) − (1 − y)·log(1 − σ(z)) = softplus(z) − y·z, with
    /// softplus(z) = max(z, 0) + log(1 + e^{−|z|}).
    /// </summary>
    public static double LogLoss(int y, double z) => Math.Max(z, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(z))) - (y * z);
}
