namespace ReferenceSolutions.Core.Reporting;

/// <summary>A named tolerance and the arithmetic that justifies it; parity checks carry it into every report.</summary>
public sealed record Tolerance(string Name, double Value, string Reason)
{
    /// <summary>Two float64 computations of one formula in different summation orders: a few hundred ulps of the result's scale.</summary>
    public static Tolerance Float64Twin { get; } = new(nameof(Float64Twin), 1e-10,
        "both twins compute in float64; only the order of floating-point sums differs, which moves results by O(n·ε) ≈ 1e-13 relative");

    /// <summary>Float64 iterates followed over many steps, where reordering errors compound but stay far below signal.</summary>
    public static Tolerance Float64Trajectory { get; } = new(nameof(Float64Trajectory), 1e-8,
        "float64 twins over hundreds of steps: per-step reordering error ≈ 1e-15 grows at most linearly with the step count on a contracting problem");

    /// <summary>A library that computes in float32 internally: ~1e-7 relative per operation, accumulated over sums of thousands of terms.</summary>
    public static Tolerance Float32Library { get; } = new(nameof(Float32Library), 1e-3,
        "the library stores and sums in float32 (ε ≈ 1.2e-7); sums over 1e3–1e4 terms give 1e-5–1e-4 relative, and its stopping rule adds more");
}
