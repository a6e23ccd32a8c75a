using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>The element-wise non-linearity applied after a dense layer: A = f(Z), Z and A both N×H.</summary>
public enum Activation
{
    /// <summary>f(z) = z.</summary>
    Identity,

    /// <summary>f(z) = max(0, z).</summary>
    Relu,

    /// <summary>f(z) = tanh z.</summary>
    Tanh,

    /// <summary>f(z) = 1 / (1 + e^−z).</summary>
    Sigmoid,
}

/// <summary>
/// Forward and backward passes of every <see cref="FromScratch.Activation"/>, element by element on N×H matrices.
/// Derivations: docs/neural-net.md#activations.
/// </summary>
public static class Activations
{
    /// <summary>The names used in model files and on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["identity", "relu", "tanh", "sigmoid"];

    /// <summary>The model-file / command-line name of <paramref name="activation"/>.</summary>
    public static string Name(Activation activation) => Names[(int)activation];

    /// <summary>Parses a name from <see cref="Names"/>; anything else is a <see cref="UserInputException"/> naming <paramref name="field"/>.</summary>
    public static Activation Parse(string? name, string field)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return (Activation)i;
            }
        }
        throw new UserInputException($"{field}: unknown activation '{name}' (expected one of {string.Join(", ", Names)})");
    }

    /// <summary>A = f(Z), element-wise; Z: N×H, A: N×H (new storage). The sigmoid uses the form that never overflows e^x.</summary>
    public static Matrix Forward(Activation activation, Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var a = new Matrix(z.Rows, z.Columns);
        double[] zs = z.Data, az = a.Data;
        switch (activation)
        {
            case Activation.Identity:
                zs.CopyTo(az, 0);
                break;
            case Activation.Relu:
                for (int i = 0; i < zs.Length; i++)
                {
                    az[i] = zs[i] > 0.0 ? zs[i] : 0.0;
                }
                break;
            case Activation.Tanh:
                for (int i = 0; i < zs.Length; i++)
                {
                    az[i] = Math.Tanh(zs[i]);
                }
                break;
            case Activation.Sigmoid:
                for (int i = 0; i < zs.Length; i++)
                {
                    az[i] = Sigmoid(zs[i]);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
        return a;
    }

    /// <summary>
    /// ∂L/∂Z = ∂L/∂A ⊙ f′(Z), written through the forward output A where that is cheaper:
    /// relu: 𝟙[z &gt; 0] (0 at z = 0, as PyTorch); tanh: 1 − a²; sigmoid: a(1 − a); identity: 1.
    /// Z, A, dLdA: N×H; the result is N×H (new storage).
    /// </summary>
    public static Matrix Backward(Activation activation, Matrix z, Matrix a, Matrix dLdA)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(dLdA);
        var dLdZ = new Matrix(dLdA.Rows, dLdA.Columns);
        double[] g = dLdA.Data, zs = z.Data, az = a.Data, dz = dLdZ.Data;
        switch (activation)
        {
            case Activation.Identity:
                g.CopyTo(dz, 0);
                break;
            case Activation.Relu:
                for (int i = 0; i < g.Length; i++)
                {
                    dz[i] = zs[i] > 0.0 ? g[i] : 0.0;
                }
                break;
            case Activation.Tanh:
                for (int i = 0; i < g.Length; i++)
                {
                    dz[i] = g[i] * (1.0 - (az[i] * az[i]));
                }
                break;
            case Activation.Sigmoid:
                for (int i = 0; i < g.Length; i++)
                {
                    dz[i] = g[i] * (1.0 - az[i]) * az[i];
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
        return dLdZ;
    }

    /// <summary>σ(z) = 1/(1 + e^−z) for z ≥ 0 and e^z/(1 + e^z) for z &lt; 0, so e^x is only taken of x ≤ 0.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0.0)
        {
            return 1.0 / (1.0 + Math.Exp(-z));
        }
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }
}
