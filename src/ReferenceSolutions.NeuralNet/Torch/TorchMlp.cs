using ReferenceSolutions.NeuralNet.FromScratch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReferenceSolutions.NeuralNet.Torch;

/// <summary>
/// The same MLP as <c>torch.nn</c> modules in float64: <c>layers[l]</c> is <c>nn.Linear(D, H)</c> with weight H×D,
/// followed by its activation; the gradients come from autograd. Built by copying the weights of an
/// <see cref="MlpDescription"/>, so it starts exactly where the from-scratch network starts.
/// </summary>
public sealed class TorchMlp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers;
    private readonly Activation[] _activations;

    /// <summary>Modules with the weights and biases of <paramref name="description"/>, copied into float64 parameters.</summary>
    public TorchMlp(MlpDescription description)
        : base(nameof(TorchMlp))
    {
        ArgumentNullException.ThrowIfNull(description);
        var linears = new Linear[description.Layers.Count];
        for (int l = 0; l < linears.Length; l++)
        {
            Matrix w = description.Layers[l].Weight;
            linears[l] = nn.Linear(w.Columns, w.Rows, hasBias: true, dtype: ScalarType.Float64);
        }
        layers = nn.ModuleList(linears);
        _activations = description.Layers.Select(l => l.Activation).ToArray();
        RegisterComponents();
        Load(description);
    }

    /// <summary>Copies the weights and biases of <paramref name="description"/> into the parameters, outside autograd.</summary>
    public void Load(MlpDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        using var noGrad = no_grad();
        for (int l = 0; l < layers.Count; l++)
        {
            Matrix w = description.Layers[l].Weight;
            using Tensor weight = tensor(w.Data, [w.Rows, w.Columns], ScalarType.Float64);
            using Tensor bias = tensor(description.Layers[l].Bias, [w.Rows], ScalarType.Float64);
            layers[l].weight!.copy_(weight);
            layers[l].bias!.copy_(bias);
        }
    }

    /// <summary>x: (N,D) → logits (N,C).</summary>
    public override Tensor forward(Tensor input)
    {
        Tensor h = input;
        for (int l = 0; l < layers.Count; l++)
        {
            h = layers[l].forward(h); // (N,Dₗ)·(Dₗ,Hₗ) + b → (N,Hₗ)
            h = _activations[l] switch
            {
                Activation.Relu => nn.functional.relu(h),
                Activation.Tanh => tanh(h),
                Activation.Sigmoid => sigmoid(h),
                _ => h,
            };
        }
        return h;
    }

    /// <summary>
    /// The logits Z (N×C) of X (N×D) with no graph, <paramref name="chunkRows"/> rows at a time (the chunks of the
    /// twins' batches, so a row's logits do not depend on how the rows were cut).
    /// </summary>
    public Matrix Outputs(Matrix x, int chunkRows)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var pause = Core.Native.CollectorPause.Enter();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (x.Rows <= chunkRows)
        {
            Tensor output = forward(TorchTwin.ToTensor(x)); // (N,D) → (N,C)
            return ToMatrix(output);
        }
        int classes = (int)layers[^1].weight!.shape[0];
        Matrix outputs = new(x.Rows, classes);
        for (int start = 0; start < x.Rows; start += chunkRows)
        {
            using var chunkScope = NewDisposeScope();
            int count = Math.Min(chunkRows, x.Rows - start);
            Tensor output = forward(TorchTwin.ToTensor(x, start, count)); // (N_c,D) → (N_c,C)
            output.data<double>().CopyTo(outputs.Data, start * classes);
        }
        return outputs;
    }

    /// <summary>The current parameters as a description.</summary>
    public MlpDescription Describe(LossKind loss)
    {
        var values = new LayerValues[layers.Count];
        for (int l = 0; l < layers.Count; l++)
        {
            values[l] = new LayerValues(ToMatrix(layers[l].weight!), ToVector(layers[l].bias!), _activations[l]);
        }
        return new MlpDescription(values, loss);
    }

    /// <summary>The autograd gradients of every layer after <c>backward()</c>.</summary>
    public IReadOnlyList<LayerGradient> Gradients() =>
        layers.Select(l => new LayerGradient(ToMatrix(l.weight!.grad!), ToVector(l.bias!.grad!))).ToArray();

    internal static Matrix ToMatrix(Tensor t) => new((int)t.shape[0], (int)t.shape[1], t.detach().data<double>().ToArray());

    internal static double[] ToVector(Tensor t) => t.detach().data<double>().ToArray();
}
