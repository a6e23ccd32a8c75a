using System.Globalization;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// The sizes this solution accepts and the working-set constants behind them (docs/neural-net.md#input-limits). A
/// network of P weights and biases keeps about 20 copies of them alive in a run (each twin's parameters, gradients and
/// optimizer buffers, the kept epoch's snapshot, the per-epoch comparison), so P is capped; a batch of N rows is pushed
/// through the network in chunks of R rows with R·ΣH ≤ <see cref="ChunkEntries"/>, so activations never hold more than a
/// few chunk-sized matrices whatever the batch, the validation or the test file.
/// </summary>
public static class NeuralNetLimits
{
    /// <summary>P_max = 2²¹: the most weights and biases a network may have (<c>run neuralnet</c> and <c>verify gradients</c>).</summary>
    public const int MaxParameters = 1 << 21;

    /// <summary>The most dense layers a network may have (hidden layers and the output layer).</summary>
    public const int MaxLayers = 64;

    /// <summary>R·ΣH, the most activation entries of one chunk (2²¹, 16 MB per N×H-shaped buffer set).</summary>
    public const int ChunkEntries = 1 << 21;

    /// <summary>
    /// The most multiply-adds <c>verify gradients</c> spends on finite differences, 2·K·N·P (2³⁵ ≈ 3.4e10, ≈ 15 s on the 2-core
    /// machine): each of the K sampled coordinates costs two forward passes of the N rows through the P weights and biases.
    /// </summary>
    public const long MaxFiniteDifferenceWork = 1L << 35;

    /// <summary>R = max(1, ⌊<see cref="ChunkEntries"/> / ΣH⌋), ΣH the sum of every layer's width (outputs included): the rows pushed through the network at once.</summary>
    public static int ChunkRows(IEnumerable<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        long total = widths.Sum(w => (long)w);
        return (int)Math.Max(1, ChunkEntries / Math.Max(1, total));
    }

    /// <summary>P = Σₗ (Dₗ + 1)·Hₗ for the layers D → hidden… → C.</summary>
    public static long Parameters(int inputs, IReadOnlyList<int> hidden, int classes)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        long total = 0;
        int fanIn = inputs;
        foreach (int width in hidden.Append(classes))
        {
            total += ((long)fanIn + 1) * width;
            fanIn = width;
        }
        return total;
    }

    /// <summary>
    /// Throws a <see cref="UserInputException"/> naming the sizes, the limit and the options that change it when K
    /// coordinates (at most P) over <paramref name="rows"/> rows would cost more than <see cref="MaxFiniteDifferenceWork"/>.
    /// </summary>
    public static void RequireFiniteDifferenceWork(string source, int coordinates, int rows, long parameters)
    {
        long k = Math.Min(coordinates, parameters);
        double work = 2.0 * k * rows * parameters;
        if (work > MaxFiniteDifferenceWork)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: finite differences at {k:N0} coordinates would take 2·K·N·P = {work:0.#e+0} multiply-adds (two forward passes of {rows:N0} rows through {parameters:N0} weights and biases each), more than the {MaxFiniteDifferenceWork:0.#e+0} verify gradients spends (docs/neural-net.md#input-limits): give fewer --fd-coordinates or fewer rows"));
        }
    }

    /// <summary>
    /// Throws a <see cref="UserInputException"/> naming the shape, the limit and what changes it when the network D →
    /// hidden… → C has more than <see cref="MaxParameters"/> weights and biases or more than <see cref="MaxLayers"/> layers.
    /// </summary>
    public static void RequireNetwork(string source, int inputs, IReadOnlyList<int> hidden, int classes)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        string shape = $"{inputs} inputs → {(hidden.Count == 0 ? "" : string.Join(" → ", hidden) + " → ")}{classes} classes";
        if (hidden.Count + 1 > MaxLayers)
        {
            throw new UserInputException($"{source}: a network of {hidden.Count + 1} layers ({shape}) is deeper than the {MaxLayers} this solution takes (docs/neural-net.md#input-limits): give fewer --hidden widths");
        }
        long parameters = Parameters(inputs, hidden, classes);
        if (parameters > MaxParameters)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: a network of {shape} has {parameters:N0} weights and biases, more than the {MaxParameters:N0} this solution holds (docs/neural-net.md#input-limits): give narrower or fewer --hidden widths, or fewer feature columns"));
        }
    }
}
