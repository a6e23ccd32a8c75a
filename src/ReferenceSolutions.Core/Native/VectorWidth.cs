using System.Runtime.Intrinsics;

namespace ReferenceSolutions.Core.Native;

/// <summary>
/// The one place that picks the width every hot kernel runs in, once per process: the widest the hardware accelerates
/// (<see cref="SimdWidth.Vector512"/> when <c>Vector512.IsHardwareAccelerated</c>, else <see cref="SimdWidth.Vector256"/>
/// when <c>Vector256.IsHardwareAccelerated</c>, else <see cref="SimdWidth.Scalar"/>), unless
/// <c>REFSOL_VECTOR_WIDTH</c> (<c>512</c>, <c>256</c> or <c>scalar</c>) asks for a narrower one. A request wider than the
/// hardware, or one not understood, is refused: the hardware's width is used and <see cref="Note"/> says why.
/// <see cref="Current"/> is a static readonly field, so the JIT folds each kernel's width switch to one branch. Tests
/// run every width in one process through the kernels' internal overloads that take a <see cref="SimdWidth"/>.
/// Derivation: docs/core.md#vector-width.
/// </summary>
public static class VectorWidth
{
    /// <summary>The environment variable that forces a narrower width.</summary>
    public const string EnvironmentVariable = "REFSOL_VECTOR_WIDTH";

    /// <summary>The widest width this machine accelerates.</summary>
    public static readonly SimdWidth Hardware = Vector512.IsHardwareAccelerated ? SimdWidth.Vector512 : Vector256.IsHardwareAccelerated ? SimdWidth.Vector256 : SimdWidth.Scalar;

    /// <summary>The width the kernels use in this process.</summary>
    public static readonly SimdWidth Current;

    /// <summary>Why <see cref="Current"/> is not what <c>REFSOL_VECTOR_WIDTH</c> asked for, or null when it is (or it is unset).</summary>
    public static readonly string? Note;

    static VectorWidth() => (Current, Note) = Choose(Environment.GetEnvironmentVariable(EnvironmentVariable), Hardware);

    /// <summary>
    /// The width for a <paramref name="requested"/> value of <c>REFSOL_VECTOR_WIDTH</c> (null or empty: unset) on
    /// hardware that accelerates up to <paramref name="hardware"/>, and the note when the request is refused.
    /// </summary>
    public static (SimdWidth Width, string? Note) Choose(string? requested, SimdWidth hardware)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return (hardware, null);
        }
        SimdWidth? asked = requested.Trim().ToLowerInvariant() switch
        {
            "512" => SimdWidth.Vector512,
            "256" => SimdWidth.Vector256,
            "scalar" or "64" => SimdWidth.Scalar,
            _ => null,
        };
        if (asked is not SimdWidth width)
        {
            return (hardware, $"{EnvironmentVariable}={requested} is not 512, 256 or scalar; using the hardware's {Describe(hardware)}");
        }
        if (width > hardware)
        {
            return (hardware, $"{EnvironmentVariable}={requested} is wider than this CPU accelerates; using {Describe(hardware)}");
        }
        return (width, null);
    }

    /// <summary>"512-bit (Vector512)", "256-bit (Vector256)" or "scalar".</summary>
    public static string Describe(SimdWidth width) => width switch
    {
        SimdWidth.Vector512 => "512-bit (Vector512)",
        SimdWidth.Vector256 => "256-bit (Vector256)",
        _ => "scalar",
    };
}
