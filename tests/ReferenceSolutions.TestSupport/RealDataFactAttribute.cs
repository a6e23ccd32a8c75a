using ReferenceSolutions.Core.Data;
using Xunit;

namespace ReferenceSolutions.TestSupport;

/// <summary>A fact that is skipped, naming the missing files, when any real dataset file it needs is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : FactAttribute
{
    /// <summary>Needs every file in <paramref name="relativePaths"/> (paths under a datasets folder, as in data/README.md).</summary>
    public RealDataFactAttribute(params string[] relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        string[] missing = [.. relativePaths.Where(path => DatasetLocator.Find(path) is null)];
        if (missing.Length > 0)
        {
            Skip = $"real data absent: {string.Join(", ", missing)} (put the files under ../shared/datasets or $REFSOL_DATA; see data/README.md)";
        }
    }
}
