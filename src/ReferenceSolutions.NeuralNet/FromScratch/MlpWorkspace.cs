namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// The buffers of one forward and backward pass over a batch of N rows: Zₗ, Aₗ, ∂L/∂Zₗ and ∂L/∂Aₗ, each N×Hₗ, plus
/// the loss's softmax P: N×C, and, once a larger batch is cut into chunks of N rows, the chunk's rows of X (N×D) and y.
/// Made once per batch size, so a training step allocates nothing. Under the identity activation Aₗ is Zₗ and ∂L/∂Zₗ is
/// ∂L/∂Aₗ (the same storage).
/// </summary>
internal sealed class MlpWorkspace
{
    private Matrix? _input;
    private int[]? _labels;

    public MlpWorkspace(int rows, IReadOnlyList<DenseLayer> layers, IReadOnlyList<Activation> activations)
    {
        Rows = rows;
        Inputs = layers[0].Inputs;
        Z = new Matrix[layers.Count];
        A = new Matrix[layers.Count];
        DLdZ = new Matrix[layers.Count];
        DLdA = new Matrix[layers.Count];
        for (int l = 0; l < layers.Count; l++)
        {
            int width = layers[l].Outputs;
            bool identity = activations[l] == Activation.Identity;
            Z[l] = new Matrix(rows, width);
            A[l] = identity ? Z[l] : new Matrix(rows, width);
            DLdA[l] = new Matrix(rows, width);
            DLdZ[l] = identity ? DLdA[l] : new Matrix(rows, width);
        }
        Probabilities = new Matrix(rows, layers[^1].Outputs);
    }

    /// <summary>N, the batch size these buffers fit.</summary>
    public int Rows { get; }

    /// <summary>D, the network's inputs.</summary>
    public int Inputs { get; }

    /// <summary>Zₗ = Aₗ₋₁·Wₗᵀ + 𝟙bₗᵀ.</summary>
    public Matrix[] Z { get; }

    /// <summary>Aₗ = fₗ(Zₗ).</summary>
    public Matrix[] A { get; }

    /// <summary>∂L/∂Zₗ.</summary>
    public Matrix[] DLdZ { get; }

    /// <summary>∂L/∂Aₗ.</summary>
    public Matrix[] DLdA { get; }

    /// <summary>The softmax of the last layer's output (cross-entropy only).</summary>
    public Matrix Probabilities { get; }

    /// <summary>Rows start..start+N−1 of <paramref name="x"/>: <paramref name="x"/> itself when that is all of it, else a copy in this workspace.</summary>
    public Matrix Chunk(Matrix x, int start, int count)
    {
        if (start == 0 && count == x.Rows)
        {
            return x;
        }
        _input ??= new Matrix(Rows, Inputs);
        x.Data.AsSpan(start * x.Columns, count * x.Columns).CopyTo(_input.Data);
        return _input;
    }

    /// <summary>Entries start..start+N−1 of <paramref name="labels"/>, as <see cref="Chunk(Matrix, int, int)"/>.</summary>
    public int[] Chunk(int[] labels, int start, int count)
    {
        if (start == 0 && count == labels.Length)
        {
            return labels;
        }
        _labels ??= new int[Rows];
        labels.AsSpan(start, count).CopyTo(_labels);
        return _labels;
    }
}
