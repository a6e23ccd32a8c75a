using Google.Protobuf;

namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// Serialises an <see cref="OnnxModel"/> to the protobuf wire format of onnx.proto3, field by field with Google.Protobuf's
/// <see cref="CodedOutputStream"/>. Fields are written in ascending field-number order, scalars equal to their proto3
/// default are omitted, repeated numbers are packed, and nested messages are length-delimited: the bytes depend on
/// the model's values only (no map ordering, no timestamps), so the same model gives the same file.
/// </summary>
public static class OnnxWriter
{
    /// <summary>The serialised <c>ModelProto</c>.</summary>
    public static byte[] Write(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Message(o => Model(o, model));
    }

    /// <summary>
    /// <c>ModelProto</c>: 1 ir_version (int64), 2 producer_name (string), 3 producer_version (string), 6 doc_string
    /// (string), 7 graph (GraphProto), 8 opset_import (repeated OperatorSetIdProto), 14 metadata_props (repeated
    /// StringStringEntryProto).
    /// </summary>
    private static void Model(CodedOutputStream o, OnnxModel model)
    {
        Int64(o, 1, model.IrVersion);
        Text(o, 2, model.ProducerName);
        Text(o, 3, model.ProducerVersion);
        Text(o, 6, model.DocString);
        Nested(o, 7, g => Graph(g, model.Graph));
        foreach (OnnxOpset opset in model.Opsets)
        {
            Nested(o, 8, s => Opset(s, opset));
        }
        foreach ((string key, string value) in model.Metadata)
        {
            Nested(o, 14, e => Entry(e, key, value));
        }
    }

    /// <summary><c>OperatorSetIdProto</c>: 1 domain (string), 2 version (int64).</summary>
    private static void Opset(CodedOutputStream o, OnnxOpset opset)
    {
        Text(o, 1, opset.Domain);
        Int64(o, 2, opset.Version);
    }

    /// <summary><c>StringStringEntryProto</c>: 1 key (string), 2 value (string).</summary>
    private static void Entry(CodedOutputStream o, string key, string value)
    {
        Text(o, 1, key);
        Text(o, 2, value);
    }

    /// <summary>
    /// <c>GraphProto</c>: 1 node (repeated NodeProto), 2 name (string), 5 initializer (repeated TensorProto),
    /// 10 doc_string (string), 11 input (repeated ValueInfoProto), 12 output (repeated ValueInfoProto).
    /// </summary>
    private static void Graph(CodedOutputStream o, OnnxGraph graph)
    {
        foreach (OnnxNode node in graph.Nodes)
        {
            Nested(o, 1, n => Node(n, node));
        }
        Text(o, 2, graph.Name);
        foreach (OnnxTensor tensor in graph.Initializers)
        {
            Nested(o, 5, t => Tensor(t, tensor));
        }
        Text(o, 10, graph.DocString);
        foreach (OnnxValueInfo input in graph.Inputs)
        {
            Nested(o, 11, v => ValueInfo(v, input));
        }
        foreach (OnnxValueInfo output in graph.Outputs)
        {
            Nested(o, 12, v => ValueInfo(v, output));
        }
    }

    /// <summary>
    /// <c>NodeProto</c>: 1 input (repeated string), 2 output (repeated string), 3 name (string), 4 op_type (string),
    /// 5 attribute (repeated AttributeProto), 7 domain (string).
    /// </summary>
    private static void Node(CodedOutputStream o, OnnxNode node)
    {
        foreach (string input in node.Inputs)
        {
            Tag(o, 1, WireFormat.WireType.LengthDelimited);
            o.WriteString(input);
        }
        foreach (string output in node.Outputs)
        {
            Tag(o, 2, WireFormat.WireType.LengthDelimited);
            o.WriteString(output);
        }
        Text(o, 3, node.Name);
        Text(o, 4, node.OpType);
        foreach (OnnxAttribute attribute in node.Attributes)
        {
            Nested(o, 5, a => Attribute(a, attribute));
        }
        Text(o, 7, node.Domain);
    }

    /// <summary>
    /// <c>AttributeProto</c>: 1 name (string), 2 f (float), 3 i (int64), 20 type (AttributeType enum). The value field of
    /// the attribute's type is written even when it is 0 (it is what the type says the attribute holds).
    /// </summary>
    private static void Attribute(CodedOutputStream o, OnnxAttribute attribute)
    {
        Text(o, 1, attribute.Name);
        if (attribute.Float is float f)
        {
            Tag(o, 2, WireFormat.WireType.Fixed32);
            o.WriteFloat(f);
        }
        if (attribute.Int is long i)
        {
            Tag(o, 3, WireFormat.WireType.Varint);
            o.WriteInt64(i);
        }
        Tag(o, 20, WireFormat.WireType.Varint);
        o.WriteEnum((int)attribute.Type);
    }

    /// <summary>
    /// <c>TensorProto</c>: 1 dims (repeated int64, packed), 2 data_type (int32: 11 = DOUBLE), 8 name (string),
    /// 10 double_data (packed double, little-endian IEEE 754). The suite writes float64 tensors only.
    /// </summary>
    private static void Tensor(CodedOutputStream o, OnnxTensor tensor)
    {
        if (tensor.ElementType != OnnxElementType.Double)
        {
            throw new ArgumentOutOfRangeException(nameof(tensor), tensor.ElementType, "the suite writes float64 tensors only");
        }
        PackedInt64(o, 1, tensor.Dims);
        Int64(o, 2, (long)tensor.ElementType);
        Text(o, 8, tensor.Name);
        Tag(o, 10, WireFormat.WireType.LengthDelimited);
        o.WriteLength(tensor.Values.Length * sizeof(double));
        foreach (double v in tensor.Values)
        {
            o.WriteDouble(v);
        }
    }

    /// <summary>
    /// <c>ValueInfoProto</c>: 1 name (string), 2 type (TypeProto). <c>TypeProto</c>: 1 tensor_type (TypeProto.Tensor).
    /// <c>TypeProto.Tensor</c>: 1 elem_type (int32), 2 shape (TensorShapeProto). <c>TensorShapeProto</c>: 1 dim
    /// (repeated Dimension). <c>Dimension</c>: 1 dim_value (int64) or 2 dim_param (string), a oneof.
    /// </summary>
    private static void ValueInfo(CodedOutputStream o, OnnxValueInfo value)
    {
        Text(o, 1, value.Name);
        Nested(o, 2, type => Nested(type, 1, tensor =>
        {
            Int64(tensor, 1, (long)value.ElementType);
            Nested(tensor, 2, shape =>
            {
                foreach (OnnxDimension dimension in value.Shape)
                {
                    Nested(shape, 1, d =>
                    {
                        if (dimension.Value is long size)
                        {
                            Tag(d, 1, WireFormat.WireType.Varint);
                            d.WriteInt64(size);
                        }
                        else
                        {
                            Tag(d, 2, WireFormat.WireType.LengthDelimited);
                            d.WriteString(dimension.Param ?? "");
                        }
                    });
                }
            });
        }));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var o = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(o);
        }
        return buffer.ToArray();
    }

    private static void Nested(CodedOutputStream o, int field, Action<CodedOutputStream> write)
    {
        Tag(o, field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(UnsafeByteOperations.UnsafeWrap(Message(write)));
    }

    private static void Tag(CodedOutputStream o, int field, WireFormat.WireType type) => o.WriteTag(field, type);

    private static void Text(CodedOutputStream o, int field, string value)
    {
        if (value.Length > 0)
        {
            Tag(o, field, WireFormat.WireType.LengthDelimited);
            o.WriteString(value);
        }
    }

    private static void Int64(CodedOutputStream o, int field, long value)
    {
        if (value != 0)
        {
            Tag(o, field, WireFormat.WireType.Varint);
            o.WriteInt64(value);
        }
    }

    private static void PackedInt64(CodedOutputStream o, int field, IReadOnlyList<long> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        Tag(o, field, WireFormat.WireType.LengthDelimited);
        o.WriteLength(values.Sum(CodedOutputStream.ComputeInt64Size));
        foreach (long v in values)
        {
            o.WriteInt64(v);
        }
    }
}
