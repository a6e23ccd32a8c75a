using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Training;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// One <c>run neuralnet</c>: the report written to metrics.json, the measured checks behind its <c>parity</c> entries
/// (in the same order, so tests can assert each comparison through its registered definition), the training history,
/// the rows of the training file held out for validation (ascending) and the input scaling fitted on the others.
/// </summary>
public sealed record NeuralNetRun(RunReport Report, IReadOnlyList<MeasuredCheck> Checks, TrainingHistory History, IReadOnlyList<int> ValidationRows, InputScaling Scaling);
