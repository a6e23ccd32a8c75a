namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// The multilayer perceptron by hand: A₀ = X (N×D); Zₗ = Aₗ₋₁·Wₗᵀ + 𝟙bₗᵀ, Aₗ = fₗ(Zₗ); the last Z (N×C) feeds the loss.
/// <see cref="Backward"/> runs the chain rule layer by layer in reverse with no tape: each piece's derivative is written
/// out in <see cref="DenseLayer"/>, <see cref="Activations"/>, <see cref="SoftmaxCrossEntropy"/> and <see cref="MeanSquaredError"/>.
/// A batch of more than <see cref="ChunkRows"/> rows is processed in chunks of that many (the last may be smaller): the
/// mean loss and its gradient are the chunks' means weighted by their share of the rows, Σ_c (N_c/N)·L_c, so the
/// activations held at once never exceed one chunk's, whatever N.
/// </summary>
public sealed class Mlp
{
    private const int KeptWorkspaces = 4;
    private readonly DenseLayer[] _layers;
    private readonly Activation[] _activations;
    private readonly Dictionary<int, MlpWorkspace> _workspaces = [];
    private double[][]? _gradientSums;

    /// <summary>A network over the weights of <paramref name="description"/> (copied), taking <see cref="MlpDescription.ChunkRows"/> rows at a time.</summary>
    public Mlp(MlpDescription description)
        : this(description, description?.ChunkRows ?? throw new ArgumentNullException(nameof(description)))
    {
    }

    /// <summary>A network that takes <paramref name="chunkRows"/> rows at a time (tests compare chunked and whole batches).</summary>
    internal Mlp(MlpDescription description, int chunkRows)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        _layers = description.Layers.Select(l => new DenseLayer(l.Weight.Clone(), (double[])l.Bias.Clone())).ToArray();
        _activations = description.Layers.Select(l => l.Activation).ToArray();
        Loss = description.Loss;
        ChunkRows = chunkRows;
        Parameters = _layers.SelectMany((l, i) => new[]
        {
            new Parameter($"layers.{i}.weight", l.Weight.Data, l.WeightGradient.Data),
            new Parameter($"layers.{i}.bias", l.Bias, l.BiasGradient),
        }).ToArray();
    }

    /// <summary>R, the most rows pushed through the network at once.</summary>
    public int ChunkRows { get; }

    /// <summary>The objective.</summary>
    public LossKind Loss { get; }

    /// <summary>The dense layers, input to output.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>Every weight and bias with its gradient buffer, named as PyTorch would (<c>layers.0.weight</c>, …).</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The current values as a description (a deep copy).</summary>
    public MlpDescription Describe() =>
        new(_layers.Select((l, i) => new LayerValues(l.Weight.Clone(), (double[])l.Bias.Clone(), _activations[i])).ToArray(), Loss);

    /// <summary>Copies the values of <paramref name="description"/> (same shapes) into this network.</summary>
    public void Load(MlpDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        for (int i = 0; i < _layers.Length; i++)
        {
            description.Layers[i].Weight.Data.CopyTo(_layers[i].Weight.Data, 0);
            description.Layers[i].Bias.CopyTo(_layers[i].Bias, 0);
        }
    }

    /// <summary>The network's output Z_L: N×C (logits for cross-entropy), a new matrix; X: N×D.</summary>
    public Matrix Forward(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var output = new Matrix(x.Rows, _layers[^1].Outputs);
        foreach ((int start, int count) in Chunks(x.Rows))
        {
            MlpWorkspace workspace = Workspace(count);
            Forward(workspace, workspace.Chunk(x, start, count)).Data.CopyTo(output.Data.AsSpan(start * output.Columns));
        }
        return output;
    }

    /// <summary>
    /// ∂p_{n,cₙ}/∂xₙ for every row n: the gradient of the softmax probability of class cₙ = <paramref name="classes"/>[n]
    /// with respect to that row's inputs, N×D (a new matrix). The backward pass of <see cref="Backward"/> run from
    /// ∂p_c/∂z_k = p_c(δ_ck − p_k) (softmax's Jacobian, row c) instead of ∂L/∂Z, down to the input: through each
    /// activation, then ∂/∂Aₗ₋₁ = (∂/∂Zₗ)·Wₗ, the last step giving ∂/∂X = (∂/∂Z₁)·W₁. The weights' gradient buffers are not
    /// touched. Chunked as <see cref="Forward(Matrix)"/>; rows are independent, so a row's gradient is its own.
    /// </summary>
    public Matrix ProbabilityInputGradient(Matrix x, int[] classes)
    {
        RequireLabels(x, classes);
        var gradient = new Matrix(x.Rows, x.Columns);
        foreach ((int start, int count) in Chunks(x.Rows))
        {
            MlpWorkspace workspace = Workspace(count);
            Matrix logits = Forward(workspace, workspace.Chunk(x, start, count));
            int[] c = workspace.Chunk(classes, start, count);
            Matrix p = workspace.Probabilities;
            Matrix dPdA = workspace.DLdA[^1];
            for (int n = 0; n < count; n++)
            {
                if ((uint)c[n] >= (uint)logits.Columns)
                {
                    throw new ArgumentOutOfRangeException(nameof(classes), $"class {c[n]} is outside 0..{logits.Columns - 1}");
                }
                Span<double> pn = p.Row(n);
                System.Numerics.Tensors.TensorPrimitives.Subtract(logits.Row(n), System.Numerics.Tensors.TensorPrimitives.Max<double>(logits.Row(n)), pn);
                System.Numerics.Tensors.TensorPrimitives.SoftMax(pn, pn);
                double pc = pn[c[n]];
                Span<double> d = dPdA.Row(n);
                System.Numerics.Tensors.TensorPrimitives.Multiply(pn, -pc, d);
                d[c[n]] += pc;
            }
            var input = new Matrix(count, x.Columns);
            for (int l = _layers.Length - 1; l >= 0; l--)
            {
                if (_activations[l] != Activation.Identity)
                {
                    Activations.Backward(_activations[l], workspace.Z[l], workspace.A[l], workspace.DLdA[l], workspace.DLdZ[l]);
                }
                _layers[l].InputGradient(workspace.DLdZ[l], l > 0 ? workspace.DLdA[l - 1] : input);
            }
            input.Data.CopyTo(gradient.Data.AsSpan(start * x.Columns));
        }
        return gradient;
    }

    /// <summary>The mean loss of the batch, with no gradient.</summary>
    public double ComputeLoss(Matrix x, int[] labels) => ComputeLoss(x, labels, null);

    /// <summary>
    /// The mean loss of the batch; with <paramref name="reluSigns"/> (at least <see cref="ReluUnits"/> bits), also
    /// 𝟙[z &gt; 0] for every pre-activation z of every ReLU layer, one bit each (chunk by chunk, layer by layer,
    /// row-major): where two evaluations differ, the loss has a kink between them.
    /// </summary>
    internal double ComputeLoss(Matrix x, int[] labels, ulong[]? reluSigns)
    {
        RequireLabels(x, labels);
        if (reluSigns is not null)
        {
            Array.Clear(reluSigns);
        }
        double loss = 0.0;
        long bit = 0;
        foreach ((int start, int count) in Chunks(x.Rows))
        {
            MlpWorkspace workspace = Workspace(count);
            Matrix output = Forward(workspace, workspace.Chunk(x, start, count));
            int[] y = workspace.Chunk(labels, start, count);
            double chunkLoss = Loss == LossKind.SoftmaxCrossEntropy
                ? SoftmaxCrossEntropy.Forward(output, y, workspace.Probabilities)
                : MeanSquaredError.Forward(output, y);
            loss += Share(count, x.Rows) * chunkLoss;
            if (reluSigns is not null)
            {
                bit = WriteReluSigns(workspace, reluSigns, bit);
            }
        }
        return loss;
    }

    /// <summary>
    /// Forward, loss, then the backward pass: fills every layer's gradient buffers; returns the mean loss. Chunked, the
    /// buffers end holding Σ_c (N_c/N)·∂L_c/∂θ.
    /// </summary>
    public double LossAndGradients(Matrix x, int[] labels)
    {
        RequireLabels(x, labels);
        if (x.Rows <= ChunkRows)
        {
            return LossAndGradients(Workspace(x.Rows), x, labels);
        }
        double[][] sums = _gradientSums ??= [.. Parameters.Select(p => new double[p.Gradient.Length])];
        foreach (double[] sum in sums)
        {
            Array.Clear(sum);
        }
        double loss = 0.0;
        foreach ((int start, int count) in Chunks(x.Rows))
        {
            MlpWorkspace workspace = Workspace(count);
            double share = Share(count, x.Rows);
            loss += share * LossAndGradients(workspace, workspace.Chunk(x, start, count), workspace.Chunk(labels, start, count));
            for (int p = 0; p < Parameters.Count; p++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(Parameters[p].Gradient, share, sums[p], sums[p]);
            }
        }
        for (int p = 0; p < Parameters.Count; p++)
        {
            sums[p].CopyTo(Parameters[p].Gradient, 0);
        }
        return loss;
    }

    /// <summary>The number of ReLU pre-activations of a batch of <paramref name="rows"/> rows: N·Σ H over the ReLU layers.</summary>
    internal long ReluUnits(int rows) => (long)rows * _layers.Where((_, l) => _activations[l] == Activation.Relu).Sum(l => (long)l.Outputs);

    /// <summary>The chunks (start row, rows) of a batch of <paramref name="rows"/> rows: one when it fits.</summary>
    internal IEnumerable<(int Start, int Count)> Chunks(int rows)
    {
        for (int start = 0; start < rows; start += ChunkRows)
        {
            yield return (start, Math.Min(ChunkRows, rows - start));
        }
    }

    /// <summary>Gradient buffers as per-layer copies.</summary>
    public IReadOnlyList<LayerGradient> Gradients() =>
        _layers.Select(l => new LayerGradient(l.WeightGradient.Clone(), (double[])l.BiasGradient.Clone())).ToArray();

    /// <summary>Aₗ = fₗ(Aₗ₋₁·Wₗᵀ + 𝟙bₗᵀ) for l = 1..L from A₀ = X; returns A_L (the workspace's storage).</summary>
    private Matrix Forward(MlpWorkspace workspace, Matrix x)
    {
        Matrix a = x;
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l].Forward(a, workspace.Z[l]);
            if (_activations[l] != Activation.Identity)
            {
                Activations.Forward(_activations[l], workspace.Z[l], workspace.A[l]);
            }
            a = workspace.A[l];
        }
        return a;
    }

    /// <summary>From ∂L/∂A_L (N×C) back to the input: dLdZₗ = dLdAₗ ⊙ fₗ′(Zₗ), then the dense layer's backward gives dLdAₗ₋₁ (not formed for l = 1: A₀ is the data).</summary>
    private void Backward(MlpWorkspace workspace)
    {
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            if (_activations[l] != Activation.Identity)
            {
                Activations.Backward(_activations[l], workspace.Z[l], workspace.A[l], workspace.DLdA[l], workspace.DLdZ[l]);
            }
            if (l > 0)
            {
                _layers[l].Backward(workspace.DLdZ[l], workspace.DLdA[l - 1]);
            }
            else
            {
                _layers[l].ParameterGradients(workspace.DLdZ[l]);
            }
        }
    }

    /// <summary>One chunk's forward, loss and backward pass (the whole batch when it fits in one).</summary>
    private double LossAndGradients(MlpWorkspace workspace, Matrix x, int[] labels)
    {
        Matrix output = Forward(workspace, x);
        Matrix dLdA = workspace.DLdA[^1];
        double loss;
        if (Loss == LossKind.SoftmaxCrossEntropy)
        {
            loss = SoftmaxCrossEntropy.Forward(output, labels, workspace.Probabilities);
            SoftmaxCrossEntropy.Backward(workspace.Probabilities, labels, dLdA);
        }
        else
        {
            loss = MeanSquaredError.Forward(output, labels);
            MeanSquaredError.Backward(output, labels, dLdA);
        }
        Backward(workspace);
        return loss;
    }

    /// <summary>N_c/N, the weight of a chunk's mean in the batch's mean (exactly 1 for a single chunk).</summary>
    private static double Share(int count, int rows) => count == rows ? 1.0 : count / (double)rows;

    private long WriteReluSigns(MlpWorkspace workspace, ulong[] bits, long bit)
    {
        for (int l = 0; l < _layers.Length; l++)
        {
            if (_activations[l] != Activation.Relu)
            {
                continue;
            }
            foreach (double z in workspace.Z[l].Data)
            {
                if (z > 0.0)
                {
                    bits[bit >> 6] |= 1UL << (int)(bit & 63);
                }
                bit++;
            }
        }
        return bit;
    }

    private static void RequireLabels(Matrix x, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != x.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for a batch of {x.Rows} rows", nameof(labels));
        }
    }

    /// <summary>The buffers for a chunk of <paramref name="rows"/> rows, kept for the last few sizes used, so a training step allocates nothing.</summary>
    private MlpWorkspace Workspace(int rows)
    {
        if (!_workspaces.TryGetValue(rows, out MlpWorkspace? workspace))
        {
            if (_workspaces.Count >= KeptWorkspaces)
            {
                _workspaces.Clear();
            }
            workspace = new MlpWorkspace(rows, _layers, _activations);
            _workspaces[rows] = workspace;
        }
        return workspace;
    }
}
