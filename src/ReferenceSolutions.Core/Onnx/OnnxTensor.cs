namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// A constant tensor (ONNX <c>TensorProto</c>, a graph initializer): <see cref="Name"/>, its element type, its shape
/// <see cref="Dims"/> (row-major) and its Πdims values, held as float64 whatever the element type. The suite writes
/// float64 tensors only; float32 and int64 tensors are read (from other producers' files) and widened exactly.
/// </summary>
public sealed record OnnxTensor(string Name, OnnxElementType ElementType, IReadOnlyList<long> Dims, double[] Values)
{
    /// <summary>A float64 tensor of shape <paramref name="dims"/>; the values are copied.</summary>
    public static OnnxTensor Doubles(string name, IReadOnlyList<long> dims, ReadOnlySpan<double> values) =>
        Checked(new OnnxTensor(name, OnnxElementType.Double, dims, values.ToArray()));

    /// <summary>Πdims, the number of values the shape holds.</summary>
    public long Count => Dims.Aggregate(1L, (p, d) => p * d);

    private static OnnxTensor Checked(OnnxTensor tensor) =>
        tensor.Count == tensor.Values.Length
            ? tensor
            : throw new ArgumentException($"{tensor.Name}: shape [{string.Join(", ", tensor.Dims)}] holds {tensor.Count} values, {tensor.Values.Length} given");
}
