using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>A loaded fraud model: its input (features, standardisation, prior) and its probability of each standardised row.</summary>
internal interface ISavedFraudModel
{
    /// <summary>The columns, standardisation, prior and thresholds it was saved with.</summary>
    SavedInput Input { get; }

    /// <summary>P(fraud) at the training rows' prevalence for each row of Z (n×d), before the prior correction.</summary>
    double[] SampleProbabilities(Matrix z);
}
