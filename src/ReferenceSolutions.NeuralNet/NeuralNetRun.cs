using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Training;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// One <c>run neuralnet</c>: the report written to metrics.json, the measured checks behind its <c>parity</c> entries
/// (in the same order, so tests can assert each comparison through its registered definition), the training history,
/// the rows of the training file held out for validation (ascending), the input scaling fitted on the others, the test
/// probabilities (N×C) each model reported, by model name, and the rows explained by saliency maps.
/// </summary>
public sealed record NeuralNetRun(
    RunReport Report,
    IReadOnlyList<MeasuredCheck> Checks,
    TrainingHistory History,
    IReadOnlyList<int> ValidationRows,
    InputScaling Scaling,
    IReadOnlyDictionary<string, Matrix> TestProbabilities,
    SaliencyRows Explained);

/// <summary>
/// The test rows a run explains: their indices, raw inputs (K×D), labels, the class c whose probability is explained,
/// p_c, and the saliency ∂p_c/∂x (K×D) by the hand backward pass.
/// </summary>
public sealed record SaliencyRows(IReadOnlyList<int> Rows, Matrix Inputs, int[] Labels, int[] Classes, double[] Probabilities, Matrix Saliency);
