namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// A whole ONNX file (ONNX <c>ModelProto</c>): the IR version, the producer, the operator sets the graph's nodes come
/// from, the graph, and free-form metadata (<c>StringStringEntryProto</c> pairs, written in the given order).
/// </summary>
public sealed record OnnxModel(
    long IrVersion,
    string ProducerName,
    string ProducerVersion,
    IReadOnlyList<OnnxOpset> Opsets,
    OnnxGraph Graph,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    string DocString = "")
{
    /// <summary>IR version 8, the one that goes with opset 17 (ONNX 1.12).</summary>
    public const long IrVersion8 = 8;

    /// <summary>The default-domain opset the suite writes.</summary>
    public const long DefaultOpset = 17;
}

/// <summary>One <c>OperatorSetIdProto</c>: the opset <see cref="Version"/> of <see cref="Domain"/> ("" = ai.onnx).</summary>
public sealed record OnnxOpset(string Domain, long Version);
