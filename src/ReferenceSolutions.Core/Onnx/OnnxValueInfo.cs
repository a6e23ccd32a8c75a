namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// A graph input or output (ONNX <c>ValueInfoProto</c> with a <c>TypeProto.Tensor</c> type): its name, element type
/// and shape, each dimension fixed or symbolic (e.g. <c>N</c> for the batch).
/// </summary>
public sealed record OnnxValueInfo(string Name, OnnxElementType ElementType, IReadOnlyList<OnnxDimension> Shape);

/// <summary>One dimension of a <c>TensorShapeProto</c>: a fixed size (<c>dim_value</c>) or a name (<c>dim_param</c>).</summary>
public sealed record OnnxDimension(long? Value, string? Param)
{
    /// <summary>A fixed size.</summary>
    public static OnnxDimension Fixed(long value) => new(value, null);

    /// <summary>A symbolic size, e.g. <c>N</c>.</summary>
    public static OnnxDimension Symbol(string name) => new(null, name);

    /// <inheritdoc/>
    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Param ?? "?";
}
