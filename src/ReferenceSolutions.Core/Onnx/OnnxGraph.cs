namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// A computation graph (ONNX <c>GraphProto</c>): <see cref="Nodes"/> in topological order, the constant
/// <see cref="Initializers"/> they read, and the graph's <see cref="Inputs"/> and <see cref="Outputs"/>.
/// </summary>
public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs,
    string DocString = "");
