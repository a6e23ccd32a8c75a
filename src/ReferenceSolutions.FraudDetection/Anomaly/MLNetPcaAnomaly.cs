using Microsoft.ML;
using Microsoft.ML.Trainers;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>
/// The ML.NET twin of <see cref="PcaAnomalyDetector"/>: <c>AnomalyDetection.Trainers.RandomizedPca</c> (randomised
/// range finder with oversampling, then the eigenvectors of the projected covariance; EnsureZeroMean centres on μ)
/// fitted on the same normal rows at the same rank k. Its Score is √((‖r‖² − ‖Uᵀr‖²)/‖r‖²), in float32.
/// </summary>
public sealed class MLNetPcaAnomaly : IAnomalyScorer
{
    /// <summary>RandomizedPca's oversampling: the range finder draws k + 20 random directions.</summary>
    public const int Oversampling = 20;

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private MLNetPcaAnomaly(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
    }

    /// <summary>The ML.NET context and trained transformer, for saving (Models/MLNetZip).</summary>
    internal (MLContext Context, ITransformer Model) Trained => (_ml, _model);

    /// <summary>Fits on <paramref name="normal"/> (m×d) at rank k, with every random draw from <paramref name="seed"/>.</summary>
    public static MLNetPcaAnomaly Fit(Matrix normal, int rank, int seed)
    {
        ArgumentNullException.ThrowIfNull(normal);
        var ml = new MLContext(seed);
        IDataView data = MLNetData.Load(ml, normal, new int[normal.Rows]);
        var options = new RandomizedPcaTrainer.Options { FeatureColumnName = "Features", Rank = rank, Oversampling = Oversampling, EnsureZeroMean = true, Seed = seed };
        return new MLNetPcaAnomaly(ml, ml.AnomalyDetection.Trainers.RandomizedPca(options).Fit(data));
    }

    /// <summary>
    /// <see cref="Fit"/>, or why it failed: RandomizedPca throws when its eigenvectors come out NaN, as they do when the
    /// rows span fewer directions than it projects onto in float32 (constant or collinear features).
    /// </summary>
    public static (MLNetPcaAnomaly? Model, string? Reason) TryFit(Matrix normal, int rank, int seed)
    {
        ArgumentNullException.ThrowIfNull(normal);
        try
        {
            return (Fit(normal, rank, seed), null);
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "eigenVectors")
        {
            return (null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"ML.NET's RandomizedPca could not fit the {normal.Rows} legitimate training rows at k = {rank}: its eigenvectors came out NaN, as they do when the rows span fewer directions than it projects onto (constant or collinear features)"));
        }
    }

    /// <inheritdoc/>
    public double[] Score(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        IDataView scored = _model.Transform(MLNetData.Load(_ml, x, new int[x.Rows]));
        return MLNetData.Column(scored, "Score");
    }
}
