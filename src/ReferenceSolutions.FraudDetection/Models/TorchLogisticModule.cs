using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// logreg-torch as a TorchSharp module, in float64, laid out as <c>nn.Linear(d, 1)</c>: <c>weight</c> (1, d) = w and
/// <c>bias</c> (1) = b of the TorchSharp Newton fit; forward(Z) = sigmoid(Z ⊙ weight summed over d + bias) for
/// standardised rows Z (N, d) → (N). The product is an elementwise multiply and a sum, not a matmul, so no BLAS kernel
/// enters, and the pass runs on one intra-op thread (<see cref="TorchLogisticRegression.OnOneThread{T}"/>): the run's
/// logreg-torch probabilities and those of the module loaded from <see cref="FraudModelFormats.TorchFile"/>
/// (<c>module.save</c>/<c>load</c>, TorchSharp's own state-dict format) are the same bits.
/// </summary>
internal sealed class TorchLogisticModule : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Parameter weight;
    private readonly TorchSharp.Modules.Parameter bias;

    /// <summary>A module for d features, its parameters 0 (to be loaded or set).</summary>
    public TorchLogisticModule(int features)
        : base(nameof(TorchLogisticModule))
    {
        weight = nn.Parameter(zeros(1, features, ScalarType.Float64), requires_grad: false);
        bias = nn.Parameter(zeros(1, ScalarType.Float64), requires_grad: false);
        RegisterComponents();
    }

    /// <summary>d.</summary>
    public int Features => (int)weight.shape[1];

    /// <summary>The module holding θ = [b, w] of <paramref name="model"/>.</summary>
    public static TorchLogisticModule From(LogisticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var module = new TorchLogisticModule(model.Weights.Length);
        using (no_grad())
        {
            module.weight.copy_(tensor(model.Weights, [1, model.Weights.Length], ScalarType.Float64));
            module.bias.copy_(tensor(new[] { model.Intercept }, [1], ScalarType.Float64));
        }
        return module;
    }

    /// <summary>θ = [b, w] as the module holds it.</summary>
    public LogisticModel Model => new(bias.data<double>()[0], weight.data<double>().ToArray());

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) =>
        input.mul(weight).sum(1).add(bias).sigmoid();                // (N,d)⊙(1,d) summed over d → (N), + b → (N)

    /// <summary>The probabilities of the standardised rows Z (n×d), n values.</summary>
    public double[] Probabilities(Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        return TorchLogisticRegression.OnOneThread(() =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            Tensor x = tensor(z.Data, [z.Rows, z.Columns], ScalarType.Float64);   // (N, d)
            return forward(x).data<double>().ToArray();
        });
    }

    /// <summary>Writes the module with <c>module.save</c>.</summary>
    public void Save(string path) => save(path);

    /// <summary>A module for d = <paramref name="features"/> features loaded from <paramref name="path"/>; a file of another shape or layout names the file.</summary>
    public static TorchLogisticModule Load(string path, int features)
    {
        var module = new TorchLogisticModule(features);
        try
        {
            module.load(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException or IOException or System.Runtime.InteropServices.ExternalException or NotImplementedException)
        {
            throw new DataFormatException(path, null, null, $"is not a logreg-torch module for {features} features ({e.Message})");
        }
        return module;
    }
}
