namespace ReferenceSolutions.Workloads;

/// <summary>
/// One from-scratch/library pair of <c>refsol bench</c> and the BenchmarkDotNet suite: the inputs are built once in
/// the constructor, and each call runs one complete operation on them (both sides see the same inputs).
/// </summary>
public interface IBenchWorkload : IDisposable
{
    /// <summary>The public name, e.g. <c>gemm-512</c>.</summary>
    string Name { get; }

    /// <summary>Library time = measured time of one <see cref="Library"/> call × this factor (1 unless the library side times a sample).</summary>
    double LibraryScale => 1.0;

    /// <summary>One from-scratch operation.</summary>
    void FromScratch();

    /// <summary>One library operation (or the sample that <see cref="LibraryScale"/> scales up).</summary>
    void Library();

    /// <summary>Further library sides reported as extra fields (field name → one operation), e.g. torch beside MathNet.</summary>
    IReadOnlyList<(string Field, Action Run)> ExtraTimings => [];

    /// <summary>Extra derived fields from the median times (field name → value), e.g. updates per second.</summary>
    IReadOnlyList<(string Field, double Value)> Derived(double fromScratchMs, double libraryMs) => [];
}
