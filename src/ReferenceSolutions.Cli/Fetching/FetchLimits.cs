namespace ReferenceSolutions.Cli.Fetching;

/// <summary>
/// How long <c>refsol data fetch</c> waits: <see cref="Total"/> for the whole fetch, and <see cref="Stall"/> for any
/// single read of a response (headers or a chunk of the body) before the download is abandoned.
/// </summary>
internal sealed record FetchLimits(TimeSpan Total, TimeSpan Stall)
{
    /// <summary>Redirects followed at most, each within the first URL's host.</summary>
    public const int MaxRedirects = 5;

    /// <summary>10 minutes in all, 30 seconds without a byte.</summary>
    public static FetchLimits Default { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
}
