namespace ReferenceSolutions.Recommender.Tests;

/// <summary>Paths of the shared real datasets (outside the repo) and scratch files for bad-input tests.</summary>
internal static class DataFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string MovieLensRatings => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets", "movielens-small", "ratings.csv"));

    public static string MovieLensMovies => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets", "movielens-small", "movies.csv"));

    /// <summary>Writes <paramref name="text"/> to a fresh temporary .csv file and returns its path.</summary>
    public static string Temp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"refsol-recommender-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static string FindRepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "ReferenceSolutions.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }
        return dir ?? throw new InvalidOperationException("ReferenceSolutions.sln not found above the test binaries");
    }
}

/// <summary>A fact that is skipped, saying why, when the MovieLens file is absent.</summary>
public sealed class MovieLensFactAttribute : FactAttribute
{
    public MovieLensFactAttribute()
    {
        if (!File.Exists(DataFiles.MovieLensRatings))
        {
            Skip = $"MovieLens small not found at {DataFiles.MovieLensRatings} (see /work/shared/datasets/README)";
        }
    }
}
