using System.Globalization;

namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// Builds one <see cref="OnnxModel"/> node by node: declare the input, add initializers and nodes (each node's output
/// is named after its operator and position, e.g. <c>Sub_0</c>, unless a name is given), name the output, and
/// <see cref="Build"/>. Everything is kept in insertion order, so the same calls give the same bytes.
/// </summary>
public sealed class OnnxGraphBuilder(string graphName)
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly List<KeyValuePair<string, string>> _metadata = [];

    /// <summary>Declares a graph input and returns its name.</summary>
    public string Input(string name, OnnxElementType type, params OnnxDimension[] shape)
    {
        _inputs.Add(new OnnxValueInfo(name, type, shape));
        return name;
    }

    /// <summary>Adds a float64 initializer of shape <paramref name="dims"/> and returns its name.</summary>
    public string Constant(string name, long[] dims, ReadOnlySpan<double> values)
    {
        _initializers.Add(OnnxTensor.Doubles(name, dims, values));
        return name;
    }

    /// <summary>A float64 scalar initializer named <paramref name="name"/>, added on first use and shared afterwards; returns its name.</summary>
    public string Scalar(string name, double value)
    {
        OnnxTensor? existing = _initializers.Find(t => t.Name == name);
        if (existing is null)
        {
            _initializers.Add(OnnxTensor.Doubles(name, [], [value]));
        }
        else if (existing.Values is not [double held] || held.CompareTo(value) != 0)
        {
            throw new ArgumentException($"the initializer '{name}' already holds another value");
        }
        return name;
    }

    /// <summary>
    /// σ(x) = e^{min(x, 0)}/(1 + e^{−|x|}) element-wise, as <c>Div(Exp(Min(x, 0)), Add(Exp(Neg(Abs(x))), 1))</c>: no
    /// exponent overflows, and both branches keep full relative precision (1/(1 + e^{−x}) for x ≥ 0, e^x/(1 + e^x) for
    /// x &lt; 0). ONNX Runtime's float64 CPU <c>Sigmoid</c> instead returns 1 − 1/(1 + e^{−|x|}) for x &lt; 0, which cancels:
    /// its relative error grows like e^{|x|}·ε, and it returns 0 for x ≲ −37. Returns the output's name.
    /// </summary>
    public string Sigmoid(string x, string? output = null)
    {
        string numerator = Node("Exp", [Node("Min", [x, Scalar("zero", 0.0)])]);
        string denominator = Node("Add", [Node("Exp", [Node("Neg", [Node("Abs", [x])])]), Scalar("one", 1.0)]);
        return Node("Div", [numerator, denominator], output);
    }

    /// <summary>Adds a node of the default domain with one output (named <paramref name="output"/> or after the node) and returns that output's name.</summary>
    public string Node(string opType, string[] inputs, string? output = null, params OnnxAttribute[] attributes)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"{opType}_{_nodes.Count}");
        string result = output ?? name;
        _nodes.Add(new OnnxNode(name, opType, inputs, [result], attributes));
        return result;
    }

    /// <summary>Declares the value named <paramref name="name"/> (a node's output) as a graph output.</summary>
    public void Output(string name, OnnxElementType type, params OnnxDimension[] shape) =>
        _outputs.Add(new OnnxValueInfo(name, type, shape));

    /// <summary>Adds a <c>metadata_props</c> entry.</summary>
    public void Metadata(string key, string value) => _metadata.Add(new(key, value));

    /// <summary>The model: IR version 8, default-domain opset 17, producer "refsol" <paramref name="producerVersion"/>.</summary>
    public OnnxModel Build(string producerVersion, string docString = "") =>
        new(OnnxModel.IrVersion8, "refsol", producerVersion, [new OnnxOpset("", OnnxModel.DefaultOpset)],
            new OnnxGraph(graphName, [.. _nodes], [.. _initializers], [.. _inputs], [.. _outputs]), [.. _metadata], docString);
}
