using System.Buffers.Binary;
using Google.Protobuf;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// Reads the messages of <see cref="OnnxWriter"/> back from the onnx.proto3 wire format with Google.Protobuf's
/// <see cref="CodedInputStream"/>, independently of ONNX Runtime: the same field numbers, packed or unpacked repeated
/// numbers, tensor values from the typed fields or from <c>raw_data</c> (9, little-endian); fields the suite does not
/// use are skipped, so files of other producers (e.g. ML.NET's converter) read too, with only the parts listed here.
/// A malformed file is a <see cref="DataFormatException"/>.
/// </summary>
public static class OnnxReader
{
    /// <summary>Reads the <c>ModelProto</c> in <paramref name="path"/>.</summary>
    public static OnnxModel Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Model(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException)
        {
            throw new DataFormatException(path, null, null, $"is not an ONNX model: {e.Message}");
        }
    }

    /// <summary>Reads a serialised <c>ModelProto</c>; throws <see cref="InvalidProtocolBufferException"/> or <see cref="InvalidDataException"/> on a malformed one.</summary>
    public static OnnxModel Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Model(bytes);
    }

    /// <summary><c>ModelProto</c>: 1 ir_version, 2 producer_name, 3 producer_version, 6 doc_string, 7 graph, 8 opset_import, 14 metadata_props.</summary>
    private static OnnxModel Model(byte[] bytes)
    {
        long ir = 0;
        string producer = "", version = "", doc = "";
        OnnxGraph? graph = null;
        var opsets = new List<OnnxOpset>();
        var metadata = new List<KeyValuePair<string, string>>();
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: ir = i.ReadInt64(); break;
                case 2: producer = i.ReadString(); break;
                case 3: version = i.ReadString(); break;
                case 6: doc = i.ReadString(); break;
                case 7: graph = Graph(Bytes(i)); break;
                case 8: opsets.Add(Opset(Bytes(i))); break;
                case 14: metadata.Add(Entry(Bytes(i))); break;
                default: i.SkipLastField(); break;
            }
        });
        return new OnnxModel(ir, producer, version, opsets, graph ?? throw new InvalidDataException("ModelProto has no graph (field 7)"), metadata, doc);
    }

    /// <summary><c>OperatorSetIdProto</c>: 1 domain, 2 version.</summary>
    private static OnnxOpset Opset(byte[] bytes)
    {
        string domain = "";
        long version = 0;
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: domain = i.ReadString(); break;
                case 2: version = i.ReadInt64(); break;
                default: i.SkipLastField(); break;
            }
        });
        return new OnnxOpset(domain, version);
    }

    /// <summary><c>StringStringEntryProto</c>: 1 key, 2 value.</summary>
    private static KeyValuePair<string, string> Entry(byte[] bytes)
    {
        string key = "", value = "";
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: key = i.ReadString(); break;
                case 2: value = i.ReadString(); break;
                default: i.SkipLastField(); break;
            }
        });
        return new(key, value);
    }

    /// <summary><c>GraphProto</c>: 1 node, 2 name, 5 initializer, 10 doc_string, 11 input, 12 output.</summary>
    private static OnnxGraph Graph(byte[] bytes)
    {
        string name = "", doc = "";
        var nodes = new List<OnnxNode>();
        var initializers = new List<OnnxTensor>();
        var inputs = new List<OnnxValueInfo>();
        var outputs = new List<OnnxValueInfo>();
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: nodes.Add(Node(Bytes(i))); break;
                case 2: name = i.ReadString(); break;
                case 5: initializers.Add(Tensor(Bytes(i))); break;
                case 10: doc = i.ReadString(); break;
                case 11: inputs.Add(ValueInfo(Bytes(i))); break;
                case 12: outputs.Add(ValueInfo(Bytes(i))); break;
                default: i.SkipLastField(); break;
            }
        });
        return new OnnxGraph(name, nodes, initializers, inputs, outputs, doc);
    }

    /// <summary><c>NodeProto</c>: 1 input, 2 output, 3 name, 4 op_type, 5 attribute, 7 domain.</summary>
    private static OnnxNode Node(byte[] bytes)
    {
        string name = "", op = "", domain = "";
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new List<OnnxAttribute>();
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: inputs.Add(i.ReadString()); break;
                case 2: outputs.Add(i.ReadString()); break;
                case 3: name = i.ReadString(); break;
                case 4: op = i.ReadString(); break;
                case 5: attributes.Add(Attribute(Bytes(i))); break;
                case 7: domain = i.ReadString(); break;
                default: i.SkipLastField(); break;
            }
        });
        return new OnnxNode(name, op, inputs, outputs, attributes, domain);
    }

    /// <summary><c>AttributeProto</c>: 1 name, 2 f, 3 i, 20 type; values of other kinds are skipped.</summary>
    private static OnnxAttribute Attribute(byte[] bytes)
    {
        string name = "";
        long? integer = null;
        float? real = null;
        var type = OnnxAttributeType.Undefined;
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: name = i.ReadString(); break;
                case 2: real = i.ReadFloat(); break;
                case 3: integer = i.ReadInt64(); break;
                case 20: type = (OnnxAttributeType)i.ReadEnum(); break;
                default: i.SkipLastField(); break;
            }
        });
        return new OnnxAttribute(name, type, type == OnnxAttributeType.Int ? integer ?? 0 : null, type == OnnxAttributeType.Float ? real ?? 0f : null);
    }

    /// <summary>
    /// <c>TensorProto</c>: 1 dims, 2 data_type, 4 float_data, 7 int64_data, 8 name, 9 raw_data, 10 double_data. Values
    /// of other element types are not read (the tensor keeps its shape and an empty value array).
    /// </summary>
    private static OnnxTensor Tensor(byte[] bytes)
    {
        string name = "";
        var type = (OnnxElementType)0;
        var dims = new List<long>();
        var values = new List<double>();
        byte[]? raw = null;
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: Repeated(field, i, dims, s => s.ReadInt64()); break;
                case 2: type = (OnnxElementType)i.ReadInt32(); break;
                case 4: Repeated(field, i, values, s => s.ReadFloat()); break;
                case 7: Repeated(field, i, values, s => s.ReadInt64()); break;
                case 8: name = i.ReadString(); break;
                case 9: raw = Bytes(i); break;
                case 10: Repeated(field, i, values, s => s.ReadDouble()); break;
                default: i.SkipLastField(); break;
            }
        });
        if (raw is not null)
        {
            values.AddRange(Raw(raw, type));
        }
        return new OnnxTensor(name, type, dims, [.. values]);
    }

    private static IEnumerable<double> Raw(byte[] raw, OnnxElementType type)
    {
        int size = type switch { OnnxElementType.Float => 4, OnnxElementType.Double or OnnxElementType.Int64 => 8, _ => 0 };
        for (int k = 0; size > 0 && k + size <= raw.Length; k += size)
        {
            ReadOnlySpan<byte> b = raw.AsSpan(k, size);
            yield return type switch
            {
                OnnxElementType.Float => BinaryPrimitives.ReadSingleLittleEndian(b),
                OnnxElementType.Double => BinaryPrimitives.ReadDoubleLittleEndian(b),
                _ => BinaryPrimitives.ReadInt64LittleEndian(b),
            };
        }
    }

    /// <summary><c>ValueInfoProto</c>: 1 name, 2 type (<c>TypeProto</c>; a value that is not a tensor keeps element type 0 and no shape).</summary>
    private static OnnxValueInfo ValueInfo(byte[] bytes)
    {
        string name = "";
        (OnnxElementType Type, List<OnnxDimension> Shape) tensor = (0, []);
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: name = i.ReadString(); break;
                case 2: tensor = TypeProto(Bytes(i)); break;
                default: i.SkipLastField(); break;
            }
        });
        return new OnnxValueInfo(name, tensor.Type, tensor.Shape);
    }

    /// <summary><c>TypeProto</c>: 1 tensor_type (<c>TypeProto.Tensor</c>).</summary>
    private static (OnnxElementType Type, List<OnnxDimension> Shape) TypeProto(byte[] bytes)
    {
        (OnnxElementType Type, List<OnnxDimension> Shape) tensor = (0, []);
        Fields(bytes, (field, i) =>
        {
            if (field.Number == 1)
            {
                tensor = TensorType(Bytes(i));
            }
            else
            {
                i.SkipLastField();
            }
        });
        return tensor;
    }

    /// <summary><c>TypeProto.Tensor</c>: 1 elem_type, 2 shape (<c>TensorShapeProto</c>: 1 dim, repeated).</summary>
    private static (OnnxElementType Type, List<OnnxDimension> Shape) TensorType(byte[] bytes)
    {
        var type = (OnnxElementType)0;
        var shape = new List<OnnxDimension>();
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: type = (OnnxElementType)i.ReadInt32(); break;
                case 2: Fields(Bytes(i), (dim, s) => Dimensions(dim, s, shape)); break;
                default: i.SkipLastField(); break;
            }
        });
        return (type, shape);
    }

    private static void Dimensions(FieldTag field, CodedInputStream input, List<OnnxDimension> shape)
    {
        if (field.Number == 1)
        {
            shape.Add(Dimension(Bytes(input)));
        }
        else
        {
            input.SkipLastField();
        }
    }

    /// <summary><c>TensorShapeProto.Dimension</c>: 1 dim_value or 2 dim_param.</summary>
    private static OnnxDimension Dimension(byte[] bytes)
    {
        long? value = null;
        string? param = null;
        Fields(bytes, (field, i) =>
        {
            switch (field.Number)
            {
                case 1: value = i.ReadInt64(); break;
                case 2: param = i.ReadString(); break;
                default: i.SkipLastField(); break;
            }
        });
        return new OnnxDimension(value, param);
    }

    /// <summary>Calls <paramref name="read"/> with each field number, the stream positioned on the field's value.</summary>
    private static void Fields(byte[] bytes, Action<FieldTag, CodedInputStream> read)
    {
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            read(new FieldTag(WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag)), input);
        }
    }

    /// <summary>A field's number and wire type, from its tag.</summary>
    private readonly record struct FieldTag(int Number, WireFormat.WireType WireType);

    private static byte[] Bytes(CodedInputStream input) => input.ReadBytes().ToByteArray();

    /// <summary>A repeated scalar field, packed (one length-delimited run) or not (one value per tag).</summary>
    private static void Repeated<T>(FieldTag field, CodedInputStream input, List<T> into, Func<CodedInputStream, T> read)
    {
        if (field.WireType != WireFormat.WireType.LengthDelimited)
        {
            into.Add(read(input));
            return;
        }
        var packed = new CodedInputStream(Bytes(input));
        while (!packed.IsAtEnd)
        {
            into.Add(read(packed));
        }
    }
}
