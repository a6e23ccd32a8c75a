using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Native;

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
        throw new UserInputException($"{field}: unknown activation '{Echo.Value(name)}' (expected one of {string.Join(", ", Names)})");
    }

    /// <summary>A = f(Z), element-wise, written into <paramref name="a"/>; Z, A: N×H. The sigmoid uses the form that never overflows e^x.</summary>
    public static void Forward(Activation activation, Matrix z, Matrix a)
    {
        ArgumentNullException.ThrowIfNull(z);
        z.RequireSameShape(a, nameof(a));
        double[] zs = z.Data, az = a.Data;
        switch (activation)
        {
            case Activation.Identity:
                zs.CopyTo(az, 0);
                break;
            case Activation.Relu:
                ReluMask(zs, zs, az);
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
    }

    /// <summary>
    /// ∂L/∂Z = ∂L/∂A ⊙ f′(Z), written through the forward output A where that is cheaper:
    /// relu: 𝟙[z &gt; 0] (0 at z = 0, as PyTorch; NaN at a NaN z, whose ∂L/∂A is passed on, as PyTorch's
    /// <c>threshold_backward</c>); tanh: 1 − a²; sigmoid: a(1 − a); identity: 1.
    /// Z, A, dLdA and the result <paramref name="dLdZ"/>: N×H.
    /// </summary>
    public static void Backward(Activation activation, Matrix z, Matrix a, Matrix dLdA, Matrix dLdZ)
    {
        ArgumentNullException.ThrowIfNull(z);
        z.RequireSameShape(a, nameof(a));
        z.RequireSameShape(dLdA, nameof(dLdA));
        z.RequireSameShape(dLdZ, nameof(dLdZ));
        double[] g = dLdA.Data, zs = z.Data, az = a.Data, dz = dLdZ.Data;
        switch (activation)
        {
            case Activation.Identity:
                g.CopyTo(dz, 0);
                break;
            case Activation.Relu:
                ReluMask(zs, g, dz);
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
    }

    /// <summary>
    /// result[i] = z[i] ≤ 0 ? 0 : x[i]: the ReLU (x = z) and its backward pass (x = ∂L/∂A). A NaN z is not ≤ 0, so it
    /// passes (the ReLU of NaN is NaN and the gradient reaches it, as PyTorch's <c>clamp_min</c> and
    /// <c>threshold_backward</c>): a diverged network stays visibly NaN instead of being masked to 0. The loop at the end
    /// is the plain form; the vector bodies compute the same select, eight (Vector512) then four (Vector256) lanes at a
    /// time in the process's <see cref="VectorWidth.Current"/>, with no branch to mispredict (on random signs the branchy
    /// loop costs ≈ 4.6 ns per element, the select ≈ 0.6 ns). Bit for bit equal to the plain loop at every width, NaN and
    /// −0 included.
    /// </summary>
    internal static void ReluMask(ReadOnlySpan<double> z, ReadOnlySpan<double> x, Span<double> result) => ReluMask(VectorWidth.Current, z, x, result);

    /// <summary><see cref="ReluMask(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/> in the given width.</summary>
    internal static void ReluMask(SimdWidth width, ReadOnlySpan<double> z, ReadOnlySpan<double> x, Span<double> result)
    {
        if (x.Length != z.Length || result.Length != z.Length)
        {
            throw new ArgumentException($"ReLU spans differ in length: z {z.Length}, x {x.Length}, result {result.Length}");
        }
        int i = 0;
        ref double zr = ref MemoryMarshal.GetReference(z);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double rr = ref MemoryMarshal.GetReference(result);
        if (width == SimdWidth.Vector512)
        {
            for (; i <= z.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                Vector512<double> blocked = Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref zr, (nuint)i), Vector512<double>.Zero);
                Vector512.StoreUnsafe(Vector512.ConditionalSelect(blocked, Vector512<double>.Zero, Vector512.LoadUnsafe(ref xr, (nuint)i)), ref rr, (nuint)i);
            }
        }
        if (width >= SimdWidth.Vector256)
        {
            for (; i <= z.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> blocked = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref zr, (nuint)i), Vector256<double>.Zero);
                Vector256.StoreUnsafe(Vector256.ConditionalSelect(blocked, Vector256<double>.Zero, Vector256.LoadUnsafe(ref xr, (nuint)i)), ref rr, (nuint)i);
            }
        }
        for (; i < z.Length; i++)
        {
            result[i] = z[i] <= 0.0 ? 0.0 : x[i];
        }
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
