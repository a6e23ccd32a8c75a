namespace ReferenceSolutions.Core.Onnx;

/// <summary>The element types the suite writes and reads: ONNX <c>TensorProto.DataType</c> values.</summary>
public enum OnnxElementType
{
    /// <summary>FLOAT = 1, IEEE float32.</summary>
    Float = 1,

    /// <summary>INT64 = 7.</summary>
    Int64 = 7,

    /// <summary>BOOL = 9 (read from other producers' files, e.g. ML.NET's PredictedLabel; the suite writes none).</summary>
    Bool = 9,

    /// <summary>DOUBLE = 11, IEEE float64.</summary>
    Double = 11,

    /// <summary>UINT32 = 12 (read from ML.NET's files: a multiclass PredictedLabel, a key type; the suite writes none).</summary>
    UInt32 = 12,
}
