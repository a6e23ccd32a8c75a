using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Production;

/// <summary>
/// The model a team would ship: ML.NET FastTree (gradient-boosted regression trees, MART) on the same standardised
/// features, with its Platt-calibrated Probability output. One thread and a fixed seed make it repeatable. Its
/// hyper-parameters are fixed (<see cref="Hyperparameters"/>), not searched.
/// </summary>
public sealed class FastTreeModel
{
    private const int Leaves = 16, Trees = 100, MinimumLeafCount = 10;
    private const double LearningRate = 0.1;

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private FastTreeModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
    }

    /// <summary>The ML.NET context and trained transformer, for saving (Models/MLNetZip) and for ML.NET's explainability catalog.</summary>
    internal (MLContext Context, ITransformer Model) Trained => (_ml, _model);

    /// <summary>The fixed hyper-parameters, as the run's protocol lists them.</summary>
    public static IReadOnlyDictionary<string, object> Hyperparameters { get; } = new Dictionary<string, object>
    {
        ["leaves"] = Leaves,
        ["trees"] = Trees,
        ["minimumExampleCountPerLeaf"] = MinimumLeafCount,
        ["learningRate"] = LearningRate,
    };

    /// <summary>Trains on X (n×d) and y (n).</summary>
    public static FastTreeModel Fit(Matrix x, IReadOnlyList<int> y, int seed)
    {
        var ml = new MLContext(seed);
        var options = new FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = Leaves,
            NumberOfTrees = Trees,
            MinimumExampleCountPerLeaf = MinimumLeafCount,
            LearningRate = LearningRate,
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
