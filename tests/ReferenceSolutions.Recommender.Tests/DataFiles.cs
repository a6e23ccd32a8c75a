namespace ReferenceSolutions.Recommender.Tests;

/// <summary>Scratch files for the bad-input tests.</summary>
internal static class DataFiles
{
    /// <summary>Writes <paramref name="text"/> to a fresh temporary .csv file and returns its path.</summary>
    public static string Temp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"refsol-recommender-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
