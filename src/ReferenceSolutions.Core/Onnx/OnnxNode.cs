namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// One operator call (ONNX <c>NodeProto</c>): <see cref="OpType"/> from <see cref="Domain"/> ("" = the default
/// <c>ai.onnx</c> domain) reads the values named <see cref="Inputs"/> and writes the values named <see cref="Outputs"/>.
/// </summary>
public sealed record OnnxNode(
    string Name,
    string OpType,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes,
    string Domain = "");
