using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.NeuralNet.Training;

/// <summary>
/// How far two twins trained in lock step drifted apart (within each epoch when they restart every epoch from one state). <see cref="StepLoss"/> compares the batch loss Lₜ of every
/// step t (part <c>loss at step t</c>); <see cref="Parameters"/> compares every weight and bias at the end of every
/// epoch (part <c>epoch e: layers.l.weight</c>), so it covers the kept epoch and the last step. The per-epoch lists
/// hold, for epoch e, maxₜ |Lₜ(first) − Lₜ(second)| over its steps and max |θ(first) − θ(second)| at its end (NaN once
/// a value was not finite): the growth of the difference with the step count.
/// </summary>
public sealed record TwinDifferences(
    Comparison StepLoss,
    Comparison Parameters,
    IReadOnlyList<double> StepLossByEpoch,
    IReadOnlyList<double> ParametersByEpoch);
