using System.Globalization;
using System.Text.Json;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet.Models;

/// <summary>
/// The model file, versioned JSON: <c>{"format": "refsol-mlp", "version": 1, "layers": [{"weight": [[…]] (H×D, rows =
/// outputs), "bias": […], "activation": "relu"|"tanh"|"sigmoid"|"identity"}, …], "loss": "softmax-cross-entropy"|"mse",
/// "inputScaling": {"mean", "scale"}}</c>. Only <c>layers</c> and <c>loss</c> are required (the <c>verify gradients</c>
/// input); every shape is checked on load and every error names its field. Both directions stream: <see cref="Load"/>
/// reads tokens into the weight arrays with no JSON tree (at most ≈ 24 bytes per number, plus a 64 KB buffer, and it
/// stops at <see cref="NeuralNetLimits.MaxParameters"/> numbers), <see cref="Save"/> writes through a
/// <see cref="Utf8JsonWriter"/> to the file.
/// </summary>
public static class ModelFile
{
    /// <summary>The format tag.</summary>
    public const string Format = "refsol-mlp";

    /// <summary>The version written and the highest read.</summary>
    public const int Version = 1;

    /// <summary>
    /// Writes the network (and the input scaling it expects, when given) atomically, in the suite's JSON layout (indented,
    /// shortest round-trip numbers). A weight or bias that is NaN or ±∞ (a diverged run) is written as <c>null</c>, which
    /// <see cref="Load"/> refuses naming the entry.
    /// </summary>
    public static void Save(string path, MlpDescription model, InputScaling? scaling)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream =>
        {
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Options.Encoder }))
            {
                writer.WriteStartObject();
                writer.WriteString("format", Format);
                writer.WriteNumber("version", Version);
                writer.WriteStartArray("layers");
                foreach (LayerValues layer in model.Layers)
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("weight");
                    for (int h = 0; h < layer.Weight.Rows; h++)
                    {
                        FiniteOrNullArrayConverter.WriteArray(writer, layer.Weight.Row(h));
                    }
                    writer.WriteEndArray();
                    writer.WritePropertyName("bias");
                    FiniteOrNullArrayConverter.WriteArray(writer, layer.Bias);
                    writer.WriteString("activation", Activations.Name(layer.Activation));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteString("loss", LossKinds.Name(model.Loss));
                if (scaling is not null)
                {
                    writer.WriteStartObject("inputScaling");
                    writer.WriteNumber("mean", scaling.Mean);
                    writer.WriteNumber("scale", scaling.Scale);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        });
    }

    /// <summary>Reads and checks a model file; a missing, truncated, inconsistent or too large file is a <see cref="UserInputException"/>.</summary>
    public static (MlpDescription Model, InputScaling? Scaling) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new UserInputException($"{path}: is a directory, not a model file");
        }
        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: file not found");
        }
        using FileStream stream = File.OpenRead(path);
        var file = new RawModel(path);
        try
        {
            var tokens = new JsonTokens(stream);
            if (!tokens.Read() || tokens.Type != JsonTokenType.StartObject)
            {
                throw new UserInputException($"{path}: expected a JSON object with \"layers\" and \"loss\"");
            }
            file.ReadRoot(tokens);
            if (tokens.Read())
            {
                throw new JsonException("more JSON after the model's object");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new UserInputException($"{path}: not valid JSON (truncated or corrupt?): {Echo.Message(e.Message)}");
        }
        return file.Check();
    }

    /// <summary>The fields of a model file as read, checked for shape by <see cref="Check"/> in a fixed order.</summary>
    private sealed class RawModel(string path)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<RawLayer> _layers = [];
        private bool _hasLayers;
        private string? _loss;
        private (string Mean, double MeanValue, string Scale, double ScaleValue)? _scaling;
        private long _parameters;

        public void ReadRoot(JsonTokens tokens)
        {
            foreach (string name in Properties(tokens, path))
            {
                switch (name)
                {
                    case "version" when tokens.Type != JsonTokenType.Null:
                        int version = tokens.Type == JsonTokenType.Number && double.IsInteger(tokens.Number) && tokens.Number is >= int.MinValue and <= int.MaxValue
                            ? (int)tokens.Number
                            : throw new UserInputException($"{path}: version: expected an integer, found {Echo.Value(tokens.SkipValue())}");
                        if (version < 1 || version > Version)
                        {
                            throw new UserInputException($"{path}: version: {version} is not supported (this build reads 1..{Version})");
                        }
                        break;
                    case "layers":
                        ReadLayers(tokens);
                        break;
                    case "loss":
                        _loss = tokens.Type == JsonTokenType.String ? tokens.Text : null;
                        tokens.SkipValue();
                        break;
                    case "inputScaling" when tokens.Type == JsonTokenType.StartObject:
                        ReadScaling(tokens);
                        break;
                    default:
                        tokens.SkipValue();
                        break;
                }
            }
        }

        /// <summary>Every check of the file, in the order of the fields: version (on reading), layers, loss, each layer, input scaling.</summary>
        public (MlpDescription Model, InputScaling? Scaling) Check()
        {
            if (!_hasLayers || _layers.Count == 0)
            {
                throw new UserInputException($"{path}: layers: expected a non-empty array of {{\"weight\", \"bias\", \"activation\"}}");
            }
            LossKind loss = LossKinds.Parse(_loss, $"{path}: loss");
            var layers = new List<LayerValues>();
            for (int l = 0; l < _layers.Count; l++)
            {
                layers.Add(_layers[l].Check($"{path}: layers[{l}]", l == 0 ? null : layers[^1].Weight.Rows, l - 1));
            }
            InputScaling? scaling = null;
            if (_scaling is { } s)
            {
                double mean = Finite(s.MeanValue, $"{path}: inputScaling.mean", s.Mean);
                double scale = Finite(s.ScaleValue, $"{path}: inputScaling.scale", s.Scale);
                if (!(scale > 0.0))
                {
                    throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"{path}: inputScaling.scale: must be > 0, found {scale}"));
                }
                scaling = new InputScaling(mean, scale);
            }
            return (new MlpDescription(layers, loss), scaling);
        }

        private void ReadLayers(JsonTokens tokens)
        {
            _hasLayers = tokens.Type == JsonTokenType.StartArray;
            if (!_hasLayers)
            {
                tokens.SkipValue();
                return;
            }
            for (tokens.Next(); tokens.Type != JsonTokenType.EndArray; tokens.Next())
            {
                string field = $"{path}: layers[{_layers.Count}]";
                if (_layers.Count == NeuralNetLimits.MaxLayers)
                {
                    throw new UserInputException($"{field}: the model has more than {NeuralNetLimits.MaxLayers} layers, the most this solution takes (docs/neural-net.md#input-limits)");
                }
                if (tokens.Type != JsonTokenType.StartObject)
                {
                    throw new UserInputException($"{field}: expected an object with weight, bias and activation");
                }
                var layer = new RawLayer();
                foreach (string name in Properties(tokens, field))
                {
                    switch (name)
                    {
                        case "weight":
                            layer.Weight = ReadMatrix(tokens, $"{field}.weight");
                            break;
                        case "bias":
                            layer.Bias = ReadVector(tokens, $"{field}.bias");
                            break;
                        case "activation":
                            layer.Activation = tokens.Type == JsonTokenType.String ? tokens.Text : null;
                            tokens.SkipValue();
                            break;
                        default:
                            tokens.SkipValue();
                            break;
                    }
                }
                _layers.Add(layer);
            }
        }

        private void ReadScaling(JsonTokens tokens)
        {
            (string Mean, double MeanValue, string Scale, double ScaleValue) s = ("nothing", double.NaN, "nothing", double.NaN);
            foreach (string name in Properties(tokens, $"{path}: inputScaling"))
            {
                bool number = tokens.Type == JsonTokenType.Number;
                double value = number ? tokens.Number : double.NaN;
                string written = number && tokens.RawNumber is null ? "" : tokens.SkipValue();
                switch (name)
                {
                    case "mean":
                        s = (written, value, s.Scale, s.ScaleValue);
                        break;
                    case "scale":
                        s = (s.Mean, s.MeanValue, written, value);
                        break;
                }
            }
            _scaling = s;
        }

        /// <summary>Rows of numbers into one row-major array: H rows of D, every row as long as row 0.</summary>
        private Matrix ReadMatrix(JsonTokens tokens, string field)
        {
            if (tokens.Type != JsonTokenType.StartArray)
            {
                tokens.SkipValue();
                throw new UserInputException($"{field}: expected a non-empty array of rows (one per output)");
            }
            var values = new List<double>();
            int rows = 0, columns = 0;
            for (tokens.Next(); tokens.Type != JsonTokenType.EndArray; tokens.Next())
            {
                int length = ReadNumbers(tokens, $"{field}[{rows}]", values);
                if (rows > 0 && length != columns)
                {
                    throw new UserInputException($"{field}[{rows}]: has {length} values, row 0 has {columns}");
                }
                columns = length;
                rows++;
            }
            if (rows == 0)
            {
                throw new UserInputException($"{field}: expected a non-empty array of rows (one per output)");
            }
            return new Matrix(rows, columns, [.. values]);
        }

        private double[] ReadVector(JsonTokens tokens, string field)
        {
            var values = new List<double>();
            ReadNumbers(tokens, field, values);
            return [.. values];
        }

        /// <summary>A non-empty array of finite numbers appended to <paramref name="values"/>; returns how many.</summary>
        private int ReadNumbers(JsonTokens tokens, string field, List<double> values)
        {
            if (tokens.Type != JsonTokenType.StartArray)
            {
                tokens.SkipValue();
                throw new UserInputException($"{field}: expected a non-empty array of numbers");
            }
            int count = 0;
            for (tokens.Next(); tokens.Type != JsonTokenType.EndArray; tokens.Next())
            {
                if (tokens.Type != JsonTokenType.Number || !double.IsFinite(tokens.Number))
                {
                    throw new UserInputException($"{field}[{count}]: expected a finite number, found {Echo.Value(tokens.SkipValue())}");
                }
                if (++_parameters > NeuralNetLimits.MaxParameters)
                {
                    throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                        $"{field}: the model has more than {NeuralNetLimits.MaxParameters:N0} weights and biases, the most this solution holds (docs/neural-net.md#input-limits)"));
                }
                values.Add(tokens.Number);
                count++;
            }
            if (count == 0)
            {
                throw new UserInputException($"{field}: expected a non-empty array of numbers");
            }
            return count;
        }

        /// <summary>The names of the current object's properties, each with the reader on its value (which the caller consumes); a name twice is an error.</summary>
        private IEnumerable<string> Properties(JsonTokens tokens, string field)
        {
            var seen = field == path ? _seen : new HashSet<string>(StringComparer.Ordinal);
            for (tokens.Next(); tokens.Type != JsonTokenType.EndObject; tokens.Next())
            {
                string name = tokens.Text!;
                if (!seen.Add(name))
                {
                    throw new UserInputException($"{field}: \"{Echo.Value(name)}\" appears twice");
                }
                tokens.Next();
                yield return name;
            }
        }

        private static double Finite(double value, string field, string written) =>
            double.IsFinite(value) ? value : throw new UserInputException($"{field}: expected a finite number, found {Echo.Value(written)}");
    }

    /// <summary>One layer's fields as read; <see cref="Check"/> checks them against each other and the previous layer.</summary>
    private sealed class RawLayer
    {
        public Matrix? Weight { get; set; }

        public double[]? Bias { get; set; }

        public string? Activation { get; set; }

        public LayerValues Check(string field, int? inputs, int previous)
        {
            Matrix weight = Weight ?? throw new UserInputException($"{field}.weight: expected a non-empty array of rows (one per output)");
            if (inputs is int expected && weight.Columns != expected)
            {
                throw new UserInputException($"{field}.weight: has {weight.Columns} columns, but layer {previous} has {expected} outputs");
            }
            double[] bias = Bias ?? throw new UserInputException($"{field}.bias: expected a non-empty array of numbers");
            if (bias.Length != weight.Rows)
            {
                throw new UserInputException($"{field}.bias: has {bias.Length} values, the weight has {weight.Rows} rows (outputs)");
            }
            return new LayerValues(weight, bias, Activations.Parse(Activation, $"{field}.activation"));
        }
    }
}
