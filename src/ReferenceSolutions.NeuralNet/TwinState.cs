namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// Everything that decides a twin's next step: the parameters θ, the number of optimizer steps taken t, and per
/// parameter tensor (in the order layers.0.weight, layers.0.bias, layers.1.weight, …) the optimizer's buffers —
/// <see cref="Buffers"/>[k][p] is buffer k of tensor p, flattened row-major: none for SGD, the velocity v for momentum,
/// the moments m and v for Adam and AdamW.
/// </summary>
public sealed record TwinState(MlpDescription Parameters, long Step, IReadOnlyList<IReadOnlyList<double[]>> Buffers);
