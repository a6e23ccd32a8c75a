using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// Reading a ratings CSV of N ratings written by <c>data generate recommender --ratings N</c> (seed 1): the general reader
/// (CsvHelper, a string per field) against the plain-file reader (bytes parsed in place). Both return the same
/// <see cref="RatingSet"/> (<c>PlainRatingsReaderTests</c>); memory is reported by the diagnoser.
/// </summary>
[MemoryDiagnoser]
public class RatingsReaderBenchmarks
{
    private string _path = "";

    [Params(1_000_000)]
    public int Ratings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"refsol-ratings-{Ratings}.csv");
        (int users, int items) = SkewedRatings.DefaultShape(Ratings);
        SkewedRatings.Write(_path, Ratings, users, items, 1, SilentProgress.Instance);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true, Description = "CsvHelper (CsvTable)")]
    public RatingSet General() => RatingsFile.ReadTable(_path);

    [Benchmark(Description = "plain-file reader (Span)")]
    public RatingSet Plain() => RatingsFile.Read(_path);
}
