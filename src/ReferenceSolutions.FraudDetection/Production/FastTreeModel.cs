using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Production;

/// <summary>
/// The model a team would ship: ML.NET FastTree (gradient-boosted regression trees, MART) on the same standardised
/// features, with its Platt-calibrated Probability output. One thread and a fixed seed make it repeatable.
/// </summary>
public sealed class FastTreeModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private FastTreeModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
    }

    /// <summary>Trains on X (n×d) and y (n).</summary>
    public static FastTreeModel Fit(Matrix x, IReadOnlyList<int> y, int seed, int trees = 100)
    {
        var ml = new MLContext(seed);
        var options = new FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = 16,
            NumberOfTrees = trees,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = seed,
        };
        return new FastTreeModel(ml, ml.BinaryClassification.Trainers.FastTree(options).Fit(MLNetData.Load(ml, x, y)));
    }

    /// <summary>P(fraud) per row of X (n×d).</summary>
    public double[] Probabilities(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        IDataView scored = _model.Transform(MLNetData.Load(_ml, x, new int[x.Rows]));
        return MLNetData.Column(scored, "Probability");
    }
}
