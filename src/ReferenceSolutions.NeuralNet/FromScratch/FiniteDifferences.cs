using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// Central differences ∂L/∂θᵢ ≈ (L(θ + heᵢ) − L(θ − heᵢ)) / 2h, from the forward pass alone: an independent check of
/// the backward pass. The quotient is off by the truncation h²·∂³L/∂θᵢ³/6 plus the rounding of the two losses divided
/// by 2h; at h = 1e-5 both are ≈ 1e-10 for L = O(1) (the bound behind the tolerance is derived in
/// docs/neural-net.md#finite-differences). Near a ReLU kink the quotient is not the derivative, which
/// <see cref="At"/> detects. Each coordinate costs two forward passes over the batch.
/// </summary>
public static class FiniteDifferences
{
    /// <summary>The default step h.</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>The central-difference gradient of the mean loss of (X, y) at every weight and bias of <paramref name="description"/>.</summary>
    public static IReadOnlyList<LayerGradient> Gradients(MlpDescription description, Matrix x, int[] labels, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(description);
        var network = new Mlp(description);
        var gradients = new List<LayerGradient>();
        foreach (DenseLayer layer in network.Layers)
        {
            var dW = new Matrix(layer.Outputs, layer.Inputs);
            var db = new double[layer.Outputs];
            for (int i = 0; i < dW.Data.Length; i++)
            {
                dW.Data[i] = Quotient(network, layer.Weight.Data, i, x, labels, step, null).Value;
            }
            for (int i = 0; i < db.Length; i++)
            {
                db[i] = Quotient(network, layer.Bias, i, x, labels, step, null).Value;
            }
            gradients.Add(new LayerGradient(dW, db));
        }
        return gradients;
    }

    /// <summary>
    /// <paramref name="count"/> distinct coordinates drawn uniformly from every weight and bias (all of them when there
    /// are fewer), by Floyd's sampling, so the cost is O(count) whatever the size of the network; in parameter order.
    /// </summary>
    public static IReadOnlyList<ParameterCoordinate> Sample(MlpDescription description, int count, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int[] sizes = [.. description.Layers.SelectMany(l => new[] { l.Weight.Data.Length, l.Bias.Length })];
        int total = checked(sizes.Sum());
        var chosen = new SortedSet<int>();
        for (int j = Math.Max(0, total - count); j < total; j++)
        {
            int t = rng.NextInt(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }
        return [.. chosen.Select(flat => Locate(description, sizes, flat))];
    }

    /// <summary>
    /// The central difference at each of <paramref name="coordinates"/>, flagged when a ReLU pre-activation has another
    /// sign at θ ± heᵢ than at θ (the loss has a kink within the step, so the quotient is not the derivative there). The
    /// signs are kept as bits (two sets of N·ΣH_relu / 8 bytes), compared without allocating.
    /// </summary>
    public static IReadOnlyList<FiniteDifference> At(MlpDescription description, Matrix x, int[] labels, IReadOnlyList<ParameterCoordinate> coordinates, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(coordinates);
        var network = new Mlp(description);
        var signs = new KinkSigns(network.ReluUnits(x.Rows));
        network.ComputeLoss(x, labels, signs.AtTheta);
        return [.. coordinates.Select(c =>
        {
            DenseLayer layer = network.Layers[c.Layer];
            double[] theta = c.Bias ? layer.Bias : layer.Weight.Data;
            (double value, bool kink) = Quotient(network, theta, c.Bias ? c.Row : (c.Row * layer.Inputs) + c.Column, x, labels, step, signs);
            return new FiniteDifference(c, value, kink);
        })];
    }

    private static (double Value, bool Kink) Quotient(Mlp network, double[] theta, int i, Matrix x, int[] labels, double step, KinkSigns? signs)
    {
        double saved = theta[i];
        theta[i] = saved + step;
        double plus = network.ComputeLoss(x, labels, signs?.Stepped);
        bool kink = signs is not null && signs.Moved();
        theta[i] = saved - step;
        double minus = network.ComputeLoss(x, labels, signs?.Stepped);
        kink |= signs is not null && signs.Moved();
        theta[i] = saved;
        return ((plus - minus) / (2.0 * step), kink);
    }

    /// <summary>The ReLU sign bits at θ and at a stepped θ.</summary>
    private sealed class KinkSigns(long units)
    {
        public ulong[] AtTheta { get; } = new ulong[(units + 63) / 64];

        public ulong[] Stepped { get; } = new ulong[(units + 63) / 64];

        public bool Moved() => !AtTheta.AsSpan().SequenceEqual(Stepped);
    }

    private static ParameterCoordinate Locate(MlpDescription description, int[] sizes, int flat)
    {
        for (int p = 0; p < sizes.Length; p++)
        {
            if (flat < sizes[p])
            {
                int layer = p / 2;
                int columns = description.Layers[layer].Weight.Columns;
                return p % 2 == 0
                    ? new ParameterCoordinate(layer, false, flat / columns, flat % columns)
                    : new ParameterCoordinate(layer, true, flat, 0);
            }
            flat -= sizes[p];
        }
        throw new ArgumentOutOfRangeException(nameof(flat));
    }
}

/// <summary>One weight Wₗ[Row, Column] or bias bₗ[Row] (Column 0) of layer <see cref="Layer"/>.</summary>
public sealed record ParameterCoordinate(int Layer, bool Bias, int Row, int Column)
{
    /// <summary>The tensor's name, as PyTorch names it: <c>layers.0.weight</c>, <c>layers.0.bias</c>.</summary>
    public string Parameter => $"layers.{Layer}.{(Bias ? "bias" : "weight")}";

    /// <summary>The index in that tensor: [row, column] for a weight, [row] for a bias.</summary>
    public int[] Index => Bias ? [Row] : [Row, Column];

    /// <inheritdoc/>
    public override string ToString() => Bias ? $"{Parameter}[{Row}]" : $"{Parameter}[{Row}, {Column}]";
}

/// <summary>The central difference at one coordinate, and whether a ReLU kink lies within ±h of it.</summary>
public sealed record FiniteDifference(ParameterCoordinate Coordinate, double Value, bool CrossesKink);
