using System.Text.Json.Serialization;

namespace ReferenceSolutions.Workloads;

/// <summary>
/// One pair's median times per operation and ratio = libraryMs / fromScratchMs (&gt; 1: from scratch is faster), with
/// any extra fields of the pair (e.g. <c>updatesPerSecond</c>, <c>torchMs</c>) written beside them.
/// </summary>
public sealed record BenchResult(string Name, double FromScratchMs, double LibraryMs, double Ratio)
{
    /// <summary>Extra fields, in the order the workload gives them.</summary>
    [JsonExtensionData]
    public Dictionary<string, object> Extra { get; init; } = [];
}
