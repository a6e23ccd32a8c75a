namespace ReferenceSolutions.Serve.Fraud;

/// <summary>
/// The answer of <c>POST /v1/fraud/score</c>: the model that scored (<c>logreg-from-scratch</c>), whether p is
/// corrected to the true prior, the decision threshold and one <see cref="FraudScore"/> per item, in order.
/// </summary>
public sealed record FraudScoreResponse(string Model, bool PriorCorrected, FraudThreshold Threshold, IReadOnlyList<FraudScore> Results);

/// <summary>The threshold t the decisions use (<c>minExpectedCost</c>: the run's held-out minimum of c_FP·FP + c_FN·FN) and its costs.</summary>
public sealed record FraudThreshold(string Name, double Value, double FalsePositiveCost, double FalseNegativeCost);

/// <summary>
/// One transaction's answer: P(fraud) (prior-corrected where the model has a prior), <c>fraud</c> = p ≥ t, and with
/// <c>?explain=K</c> the logit b + Σⱼ wⱼzⱼ and the K contributions wⱼzⱼ of largest magnitude, largest first.
/// </summary>
public sealed record FraudScore(double Probability, bool Fraud, double? Logit, IReadOnlyList<FraudContribution>? Contributions);

/// <summary>Feature j's contribution wⱼ·zⱼ to the logit (positive: towards fraud).</summary>
public sealed record FraudContribution(string Feature, double Contribution);
