namespace ReferenceSolutions.Core.Native;

/// <summary>
/// The register width, in bits, a vectorised kernel works in: 512 (<c>Vector512</c>, 8 doubles), 256
/// (<c>Vector256</c>, 4 doubles) or 64 (scalar, one double at a time).
/// </summary>
public enum SimdWidth
{
    /// <summary>One double per operation: the plain loops.</summary>
    Scalar = 64,

    /// <summary><c>Vector256&lt;double&gt;</c>: 4 lanes (AVX2).</summary>
    Vector256 = 256,

    /// <summary><c>Vector512&lt;double&gt;</c>: 8 lanes (AVX-512).</summary>
    Vector512 = 512,
}
