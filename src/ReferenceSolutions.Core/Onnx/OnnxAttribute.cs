namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// A node attribute (ONNX <c>AttributeProto</c>): the suite writes integers (<c>INT</c>: Gemm's <c>transB</c>,
/// Softmax's <c>axis</c>) and reads integers and floats (<c>FLOAT</c>); at most one of <see cref="Int"/> and
/// <see cref="Float"/> is set, and an attribute of another kind read from a file keeps only its name and
/// <see cref="Type"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "ONNX's own name for a node parameter (AttributeProto)")]
public sealed record OnnxAttribute(string Name, OnnxAttributeType Type, long? Int = null, float? Float = null)
{
    /// <summary>An <c>INT</c> attribute.</summary>
    public static OnnxAttribute Of(string name, long value) => new(name, OnnxAttributeType.Int, Int: value);
}

/// <summary>ONNX <c>AttributeProto.AttributeType</c> values.</summary>
public enum OnnxAttributeType
{
    /// <summary>UNDEFINED = 0.</summary>
    Undefined = 0,

    /// <summary>FLOAT = 1.</summary>
    Float = 1,

    /// <summary>INT = 2.</summary>
    Int = 2,

    /// <summary>STRING = 3.</summary>
    String = 3,

    /// <summary>TENSOR = 4.</summary>
    Tensor = 4,

    /// <summary>GRAPH = 5.</summary>
    Graph = 5,

    /// <summary>FLOATS = 6.</summary>
    Floats = 6,

    /// <summary>INTS = 7.</summary>
    Ints = 7,

    /// <summary>STRINGS = 8.</summary>
    Strings = 8,
}
