namespace ReferenceSolutions.Core.Data;

/// <summary>Where the real datasets are looked for: <c>$REFSOL_DATA</c> when set, else <c>data/</c> under the current folder.</summary>
public static class DataDirectory
{
    /// <summary>The environment variable that points at a datasets folder (e.g. ../shared/datasets).</summary>
    public const string Variable = "REFSOL_DATA";

    /// <summary>The folder in force.</summary>
    public static string Resolve()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? Path.GetFullPath("data") : Path.GetFullPath(fromEnvironment);
    }
}
