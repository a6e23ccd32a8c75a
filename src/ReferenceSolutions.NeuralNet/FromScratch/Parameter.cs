namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>A parameter tensor θ and its gradient buffer ∂L/∂θ, flattened row-major; an optimizer updates <see cref="Value"/> in place.</summary>
public sealed record Parameter(string Name, double[] Value, double[] Gradient);
