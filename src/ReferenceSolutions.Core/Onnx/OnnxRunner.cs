using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// Runs an ONNX model with Microsoft.ML.OnnxRuntime on the CPU: one N×d input in, one N×C output back, both as
/// float64 <see cref="Matrix"/>es. A float32 input is fed by rounding each value to float32 and a float32 output is
/// widened exactly, so ML.NET's float32 exports run through the same call. One intra-op and one inter-op thread and
/// sequential execution, so a run's numbers do not depend on how work is split between threads.
/// </summary>
public static class OnnxRunner
{
    /// <summary>The input name of the suite's own exports.</summary>
    public const string InputName = "input";

    /// <summary>The output name of the suite's own exports.</summary>
    public const string OutputName = "probability";

    /// <summary>Runs the serialised model <paramref name="model"/> on the rows of <paramref name="x"/> (N×d) and returns <paramref name="output"/> as N×C.</summary>
    public static Matrix Run(byte[] model, Matrix x, string input = InputName, string output = OutputName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        using var session = new InferenceSession(model, options);
        NodeMetadata inputInfo = session.InputMetadata.TryGetValue(input, out NodeMetadata? found)
            ? found
            : throw new ArgumentException($"the model has no input '{input}' (it has: {string.Join(", ", session.InputMetadata.Keys)})");
        long[] shape = [x.Rows, x.Columns];
        using OrtValue value = inputInfo.ElementDataType == TensorElementType.Float
            ? OrtValue.CreateTensorValueFromMemory([.. x.Data.Select(v => (float)v)], shape)
            : OrtValue.CreateTensorValueFromMemory((double[])x.Data.Clone(), shape);
        using var runOptions = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions, [input], [value], [output]);
        OrtValue result = results[0];
        OrtTensorTypeAndShapeInfo info = result.GetTensorTypeAndShape();
        long[] dims = info.Shape;
        int rows = x.Rows;
        int columns = (int)(dims.Length == 1 ? 1 : dims.Skip(1).Aggregate(1L, (p, d) => p * d));
        double[] data = info.ElementDataType switch
        {
            TensorElementType.Double => result.GetTensorDataAsSpan<double>().ToArray(),
            TensorElementType.Float => [.. result.GetTensorDataAsSpan<float>().ToArray().Select(v => (double)v)],
            TensorElementType other => throw new ArgumentException($"output '{output}' is {other}, not a float or double tensor"),
        };
        return new Matrix(rows, columns, data);
    }
}
