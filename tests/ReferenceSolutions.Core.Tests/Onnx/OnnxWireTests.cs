using Google.Protobuf;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Onnx;
using static TorchSharp.torch;

namespace ReferenceSolutions.Core.Tests.Onnx;

/// <summary>The ONNX writer against the wire format written out by hand, its reader, and ONNX Runtime running its bytes.</summary>
public class OnnxWireTests
{
    [Fact]
    public void A_minimal_model_is_the_bytes_the_protobuf_encoding_rules_give()
    {
        var model = new OnnxModel(8, "r", "", [new OnnxOpset("", 17)], new OnnxGraph("g", [], [], [], []), []);
        byte[] expected =
        [
            0x08, 0x08,                   // field 1 (ir_version), varint: 8
            0x12, 0x01, (byte)'r',        // field 2 (producer_name), length 1
            0x3A, 0x03,                   // field 7 (graph), length 3
            0x12, 0x01, (byte)'g',        //   GraphProto field 2 (name)
            0x42, 0x02,                   // field 8 (opset_import), length 2
            0x10, 0x11,                   //   OperatorSetIdProto field 2 (version): 17; domain "" omitted
        ];
        Assert.Equal(expected, OnnxWriter.Write(model));
    }

    [Fact]
    public void A_float64_initializer_is_packed_little_endian_doubles_after_its_dims_and_type()
    {
        var builder = new OnnxGraphBuilder("g");
        builder.Constant("c", [2], [1.0, -2.5]);
        OnnxModel model = builder.Build("v");
        byte[] bytes = OnnxWriter.Write(model);
        byte[] tensor =
        [
            0x0A, 0x01, 0x02,             // field 1 (dims), packed: [2]
            0x10, 0x0B,                   // field 2 (data_type): 11 = DOUBLE
            0x42, 0x01, (byte)'c',        // field 8 (name)
            0x52, 0x10,                   // field 10 (double_data), packed, 16 bytes
            .. BitConverter.GetBytes(1.0), .. BitConverter.GetBytes(-2.5),
        ];
        byte[] initializer = [0x2A, (byte)tensor.Length, .. tensor]; // GraphProto field 5
        Assert.True(bytes.AsSpan().IndexOf(initializer) >= 0, "the initializer's bytes are not in the file");
        Assert.True(BitConverter.IsLittleEndian);
    }

    [Fact]
    public void Reading_the_bytes_back_gives_the_same_model_and_writing_it_again_the_same_bytes()
    {
        byte[] bytes = OnnxWriter.Write(SmallModel());
        OnnxModel read = OnnxReader.Read(bytes);
        Assert.Equal(8, read.IrVersion);
        Assert.Equal([new OnnxOpset("", 17)], read.Opsets);
        Assert.Equal("input", Assert.Single(read.Graph.Inputs).Name);
        Assert.Equal(["N", "3"], read.Graph.Inputs[0].Shape.Select(d => d.ToString()));
        Assert.Equal(OnnxElementType.Double, read.Graph.Outputs[0].ElementType);
        Assert.Equal(["Sub", "Div", "Gemm"], read.Graph.Nodes.Select(n => n.OpType));
        Assert.Equal(OnnxAttribute.Of("transB", 0L), read.Graph.Nodes[2].Attributes[0]);
        Assert.Equal([3L, 2L], read.Graph.Initializers.Single(t => t.Name == "W").Dims);
        Assert.Equal(SmallModel().Graph.Initializers.Single(t => t.Name == "W").Values, read.Graph.Initializers.Single(t => t.Name == "W").Values);
        Assert.Equal(bytes, OnnxWriter.Write(read));
    }

    [Fact]
    public void The_reader_takes_unpacked_repeated_numbers_and_skips_unknown_fields()
    {
        using var buffer = new MemoryStream();
        using (var o = new CodedOutputStream(buffer, leaveOpen: true))
        {
            o.WriteTag(1, WireFormat.WireType.Varint); // dims, unpacked: 2, then 1
            o.WriteInt64(2);
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt64(1);
            o.WriteTag(2, WireFormat.WireType.Varint);
            o.WriteInt32(11);
            o.WriteTag(10, WireFormat.WireType.Fixed64); // double_data, unpacked
            o.WriteDouble(0.5);
            o.WriteTag(10, WireFormat.WireType.Fixed64);
            o.WriteDouble(-4.0);
            o.WriteTag(99, WireFormat.WireType.LengthDelimited); // not an ONNX field
            o.WriteString("ignored");
        }
        byte[] graph = [0x2A, (byte)buffer.Length, .. buffer.ToArray()];
        byte[] model = [0x3A, (byte)graph.Length, .. graph];
        OnnxTensor tensor = Assert.Single(OnnxReader.Read(model).Graph.Initializers);
        Assert.Equal([2L, 1L], tensor.Dims);
        Assert.Equal([0.5, -4.0], tensor.Values);
    }

    [Fact]
    public void OnnxRuntime_runs_the_written_graph_in_float64_exactly_where_the_arithmetic_is_elementwise()
    {
        var g = new OnnxGraphBuilder("affine");
        string x = g.Input("input", OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(2));
        string y = g.Node("Div", [g.Node("Sub", [x, g.Constant("m", [2], [0.1, -3.0])]), g.Constant("s", [2], [3.0, 7.0])], "probability");
        g.Output(y, OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(2));
        var input = new Matrix(3, 2, [1.0, 2.0, -0.3, 1e-300, 1e300, 5.5]);
        Matrix output = OnnxRunner.Run(OnnxWriter.Write(g.Build("v")), input);
        for (int i = 0; i < 6; i++)
        {
            double expected = (input.Data[i] - (i % 2 == 0 ? 0.1 : -3.0)) / (i % 2 == 0 ? 3.0 : 7.0);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(output.Data[i]));
        }
    }

    [Fact]
    public void The_spelled_out_sigmoid_keeps_relative_precision_where_OnnxRuntimes_float64_Sigmoid_cancels()
    {
        double[] logits = [-745.0, -300.0, -40.0, -20.0, -1e-3, 0.0, 2.5, 40.0, 800.0];
        var g = new OnnxGraphBuilder("sigmoids");
        string x = g.Input("input", OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(1));
        g.Sigmoid(x, "probability");
        g.Node("Sigmoid", [x], "builtin");
        g.Output("probability", OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(1));
        g.Output("builtin", OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(1));
        byte[] bytes = OnnxWriter.Write(g.Build("v"));
        var input = new Matrix(logits.Length, 1, logits);
        Matrix ours = OnnxRunner.Run(bytes, input);
        Matrix builtin = OnnxRunner.Run(bytes, input, output: "builtin");
        for (int i = 0; i < logits.Length; i++)
        {
            double exact = logits[i] >= 0 ? 1 / (1 + Math.Exp(-logits[i])) : Math.Exp(logits[i]) / (1 + Math.Exp(logits[i]));
            Assert.True(Math.Abs(ours.Data[i] - exact) <= 4e-16 * exact, $"σ({logits[i]}): {ours.Data[i]} vs {exact}");
        }
        Assert.Equal(0.0, builtin.Data[2]); // σ(−40) ≈ 4.2e-18, cancelled to 0 by 1 − 1/(1 + e^{−40})
        Assert.True(Math.Abs(builtin.Data[3] - ours.Data[3]) / ours.Data[3] > 1e-9);
    }

    [Fact]
    public void TorchSharp_and_OnnxRuntime_load_their_native_libraries_into_one_process_and_both_compute()
    {
        double[] values = [1.0, 2.0, 3.0];
        using (NewDisposeScope())
        {
            Assert.Equal(6.0, tensor(values, ScalarType.Float64).sum().item<double>());
        }
        Matrix output = OnnxRunner.Run(OnnxWriter.Write(SmallModel()), new Matrix(1, 3, values));
        using (NewDisposeScope())
        {
            var t = tensor(values, ScalarType.Float64);
            Assert.Equal(14.0, t.dot(t).item<double>());
        }
        Assert.Equal(1, output.Rows);
        Assert.Equal(2, output.Columns);
    }

    /// <summary>probability = Gemm((x − 0.5)/2, W): (N,3)·(3,2) → (N,2).</summary>
    private static OnnxModel SmallModel()
    {
        var g = new OnnxGraphBuilder("small");
        string x = g.Input("input", OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(3));
        string z = g.Node("Div", [g.Node("Sub", [x, g.Scalar("m", 0.5)]), g.Scalar("s", 2.0)]);
        g.Node("Gemm", [z, g.Constant("W", [3, 2], [1, 2, 3, 4, 5, 6])], "probability", OnnxAttribute.Of("transB", 0L));
        g.Output("probability", OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(2));
        return g.Build("test");
    }
}
