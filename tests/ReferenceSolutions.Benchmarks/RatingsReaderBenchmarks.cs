using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// Reading N ratings written by <c>data generate recommender --ratings N --seed 1</c> (the same bytes: the setup calls
/// the same generator): the general CSV reader (CsvHelper, a string per field) against the plain-file reader (bytes
/// parsed in place), and the same ratings as Parquet (<see cref="ParquetRatingsWriter"/>: INT64, INT64, DOUBLE, Snappy,
/// row groups of 2²⁰) read by <see cref="ParquetRatingsReader"/>. All three return the same <see cref="RatingSet"/>
/// (<c>PlainRatingsReaderTests</c>, <c>ParquetRatingsTests</c>); memory is reported by the diagnoser, and the setup
/// prints each file's size for the MB/s and the CSV's SHA-256 (to compare with the command's output).
/// </summary>
[MemoryDiagnoser]
public class RatingsReaderBenchmarks
{
    private string _csv = "";
    private string _parquet = "";

    [Params(1_000_000)]
    public int Ratings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = Path.Combine(Path.GetTempPath(), $"refsol-ratings-{Ratings}.csv");
        _parquet = Path.ChangeExtension(_csv, ".parquet");
        (int users, int items) = SkewedRatings.DefaultShape(Ratings);
        SkewedRatings.Write(_csv, Ratings, users, items, 1, SilentProgress.Instance);
        ParquetRatingsWriter.Write(_parquet, RatingsFile.Read(_csv));
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_csv)));
        Console.WriteLine($"// ratings files: {_csv} {new FileInfo(_csv).Length} bytes (SHA-256 {sha}), {_parquet} {new FileInfo(_parquet).Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_csv);
        File.Delete(_parquet);
    }

    [Benchmark(Baseline = true, Description = "CSV: CsvHelper (CsvTable)")]
    public RatingSet General() => RatingsFile.ReadTable(_csv);

    [Benchmark(Description = "CSV: plain-file reader (Span)")]
    public RatingSet Plain() => RatingsFile.Read(_csv);

    [Benchmark(Description = "Parquet (Parquet.Net)")]
    public RatingSet Parquet() => RatingsFile.Read(_parquet);
}
