using Microsoft.Extensions.ObjectPool;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Models;

namespace ReferenceSolutions.Serve.Digits;

/// <summary>
/// The served digit model, <c>mlp-from-scratch</c> (format <c>refsol-mlp</c>) of a run on 8×8 images (D = 64 inputs):
/// P = softmax(MLP((X − μ)/σ)) (N×C) and the class argmax (first on ties), exactly what <c>refsol score neuralnet</c>
/// computes (<see cref="NeuralNetScoring.Probabilities"/>), so the two agree bit for bit. The saved weights and scaling
/// are immutable and shared; an <see cref="Mlp"/> is not (it keeps activation workspaces and gradient buffers), so each
/// request rents one from an <see cref="ObjectPool{T}"/> of networks built from the same weights and returns it after.
/// </summary>
internal sealed class DigitClassifier
{
    /// <summary>D: the pixels of an 8×8 image, row-major (x(8r + c) is row r, column c).</summary>
    public const int Pixels = 64;

    /// <summary>The largest pixel value (optdigits counts set bits in 4×4 blocks: 0 … 16).</summary>
    public const double MaxPixel = 16;

    private readonly InputScaling _scaling;
    private readonly ObjectPool<Mlp> _networks;

    private DigitClassifier(string name, MlpDescription model, InputScaling scaling)
    {
        Name = name;
        Classes = model.Layers[^1].Bias.Length;
        _scaling = scaling;
        _networks = new DefaultObjectPool<Mlp>(new NetworkPolicy(model), Environment.ProcessorCount * 4);
    }

    /// <summary>The model's name in its manifest.</summary>
    public string Name { get; }

    /// <summary>C, the number of classes.</summary>
    public int Classes { get; }

    /// <summary>
    /// Loads <c>model.json</c> of <paramref name="folder"/>; null with the reason when it is not a model of 8×8 images
    /// (it is then listed in <c>/health</c> but not served).
    /// </summary>
    public static (DigitClassifier? Model, string? Reason) Load(string folder, string name)
    {
        string file = Path.Combine(folder, NeuralNetModels.FromScratchFile);
        (MlpDescription model, InputScaling? scaling) = ModelFile.Load(file);
        if (scaling is null)
        {
            throw new Core.Data.DataFormatException(file, null, "'inputScaling'", "missing: a saved run model carries the input scaling it was trained with");
        }
        return model.Inputs == Pixels
            ? (new DigitClassifier(name, model, scaling), null)
            : (null, $"takes {model.Inputs} inputs, not the {Pixels} pixels of an 8×8 image");
    }

    /// <summary>P (N×C) and the predicted classes of the raw images X (N×64).</summary>
    public DigitResponse Classify(Matrix x)
    {
        Mlp network = _networks.Get();
        Matrix p;
        try
        {
            p = ClassificationMetrics.Softmax(network.Forward(_scaling.Apply(x)));
        }
        finally
        {
            _networks.Return(network);
        }
        int[] predicted = ClassificationMetrics.Predict(p);
        var results = new DigitResult[x.Rows];
        for (int n = 0; n < x.Rows; n++)
        {
            results[n] = new DigitResult(predicted[n], p.Row(n).ToArray());
        }
        return new DigitResponse(Name, results);
    }

    private sealed class NetworkPolicy(MlpDescription model) : PooledObjectPolicy<Mlp>
    {
        public override Mlp Create() => new(model);

        public override bool Return(Mlp obj) => true;
    }
}
