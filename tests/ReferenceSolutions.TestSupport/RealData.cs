using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.TestSupport;

/// <summary>The real datasets the tests read, looked up by <see cref="DatasetLocator"/> ($REFSOL_DATA, data/, ../shared/datasets).</summary>
public static class RealData
{
    /// <summary>The full path of <paramref name="relativePath"/> (e.g. <c>movielens-small/ratings.csv</c>); use it under a <see cref="RealDataFactAttribute"/>.</summary>
    public static string Path(string relativePath) =>
        DatasetLocator.Find(relativePath)
        ?? throw new InvalidOperationException($"{relativePath} is absent; mark the test [RealDataFact(\"{relativePath}\")] so it skips");
}
