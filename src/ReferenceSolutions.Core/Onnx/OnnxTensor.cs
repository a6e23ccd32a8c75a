namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// A constant tensor (ONNX <c>TensorProto</c>, a graph initializer): <see cref="Name"/>, its element type, its shape
/// <see cref="Dims"/> (row-major) and its Πdims values, held as float64 whatever the element type (a float32 or int64
/// tensor is written by converting each value, which is exact for the values the suite writes into one).
/// </summary>
public sealed record OnnxTensor(string Name, OnnxElementType ElementType, IReadOnlyList<long> Dims, double[] Values)
{
    /// <summary>A float64 tensor of shape <paramref name="dims"/>; the values are copied.</summary>
    public static OnnxTensor Doubles(string name, IReadOnlyList<long> dims, ReadOnlySpan<double> values) =>
        Checked(new OnnxTensor(name, OnnxElementType.Double, dims, values.ToArray()));

    /// <summary>An int64 tensor (e.g. a Reshape target shape).</summary>
    public static OnnxTensor Int64s(string name, params long[] values) =>
        new(name, OnnxElementType.Int64, [values.Length], [.. values.Select(v => (double)v)]);

    /// <summary>Πdims, the number of values the shape holds.</summary>
    public long Count => Dims.Aggregate(1L, (p, d) => p * d);

    private static OnnxTensor Checked(OnnxTensor tensor) =>
        tensor.Count == tensor.Values.Length
            ? tensor
            : throw new ArgumentException($"{tensor.Name}: shape [{string.Join(", ", tensor.Dims)}] holds {tensor.Count} values, {tensor.Values.Length} given");
}
