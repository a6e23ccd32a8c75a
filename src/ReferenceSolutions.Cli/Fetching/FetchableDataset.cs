namespace ReferenceSolutions.Cli.Fetching;

/// <summary>
/// A dataset <c>refsol data fetch</c> knows: where its publisher serves it (<see cref="Sources"/>), or why the
/// files data/README.md lists cannot be downloaded as they are (<see cref="NotServed"/>), and the <c>refsol run</c>
/// arguments that use it once it is in a data folder.
/// </summary>
internal sealed record FetchableDataset(
    string Name,
    IReadOnlyList<FetchSource> Sources,
    Func<string, IReadOnlyList<string>> RunArguments,
    string? NotServed = null)
{
    /// <summary>Every file the dataset yields, over all its sources.</summary>
    public IEnumerable<FetchedFile> Files => Sources.SelectMany(s => s.Files);
}
