namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// Affine layer Z = X·Wᵀ + 𝟙bᵀ with X: N×D (a batch of N rows), W: H×D (rows = outputs, as PyTorch's
/// <c>Linear.weight</c>), b: H, Z: N×H. <see cref="Backward"/> fills <see cref="WeightGradient"/> and
/// <see cref="BiasGradient"/>. Derivation: docs/neural-net.md#dense-layer.
/// </summary>
public sealed class DenseLayer
{
    private Matrix? _input;

    /// <summary>A layer over the given weight (H×D) and bias (length H), used in place, not copied.</summary>
    public DenseLayer(Matrix weight, double[] bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        if (bias.Length != weight.Rows)
        {
            throw new ArgumentException($"bias has {bias.Length} elements, the {weight.Rows}×{weight.Columns} weight needs {weight.Rows}", nameof(bias));
        }
        Weight = weight;
        Bias = bias;
        WeightGradient = new Matrix(weight.Rows, weight.Columns);
        BiasGradient = new double[bias.Length];
    }

    /// <summary>W: H×D.</summary>
    public Matrix Weight { get; }

    /// <summary>b: H.</summary>
    public double[] Bias { get; }

    /// <summary>∂L/∂W: H×D, written by <see cref="Backward"/>.</summary>
    public Matrix WeightGradient { get; }

    /// <summary>∂L/∂b: H, written by <see cref="Backward"/>.</summary>
    public double[] BiasGradient { get; }

    /// <summary>D, the number of inputs.</summary>
    public int Inputs => Weight.Columns;

    /// <summary>H, the number of outputs.</summary>
    public int Outputs => Weight.Rows;

    /// <summary>Z = X·Wᵀ + 𝟙bᵀ into <paramref name="z"/>; X: N×D, Z: N×H. Keeps X for <see cref="Backward"/>.</summary>
    public void Forward(Matrix x, Matrix z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(z);
        if (x.Columns != Inputs)
        {
            throw new ArgumentException($"the layer takes {Inputs} inputs, the batch has {x.Columns} columns", nameof(x));
        }
        _input = x;
        Gemm.Compute(1.0, x, false, Weight, true, 0.0, z); // (N,D)·(D,H) → (N,H)
        for (int n = 0; n < z.Rows; n++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(z.Row(n), Bias, z.Row(n));
        }
    }

    /// <summary>
    /// Given dLdZ: N×H, sets ∂L/∂W = dLdZᵀ·X (H×D) and ∂L/∂b = dLdZᵀ·𝟙 (the column sums, length H), and writes
    /// ∂L/∂X = dLdZ·W (N×D) into <paramref name="dLdX"/>.
    /// </summary>
    public void Backward(Matrix dLdZ, Matrix dLdX)
    {
        ParameterGradients(dLdZ);
        InputGradient(dLdZ, dLdX);
    }

    /// <summary>The input half of <see cref="Backward"/>: ∂L/∂X = dLdZ·W (N×D) into <paramref name="dLdX"/>, the parameter gradients left as they are.</summary>
    public void InputGradient(Matrix dLdZ, Matrix dLdX) =>
        Gemm.Compute(1.0, dLdZ, false, Weight, false, 0.0, dLdX); // (N,H)·(H,D) → (N,D)

    /// <summary>
    /// The parameter half of <see cref="Backward"/>: sets ∂L/∂W = dLdZᵀ·X and ∂L/∂b = dLdZᵀ·𝟙 without forming ∂L/∂X,
    /// which the first layer does not need (X is the data).
    /// </summary>
    public void ParameterGradients(Matrix dLdZ)
    {
        ArgumentNullException.ThrowIfNull(dLdZ);
        Matrix x = _input ?? throw new InvalidOperationException("Backward needs a Forward first");
        Gemm.Compute(1.0, dLdZ, true, x, false, 0.0, WeightGradient); // (H,N)·(N,D) → (H,D)
        Array.Clear(BiasGradient);
        for (int n = 0; n < dLdZ.Rows; n++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(BiasGradient, dLdZ.Row(n), BiasGradient);
        }
    }
}
