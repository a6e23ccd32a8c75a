using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.SolutionName;

/// <summary>The solution's name and its models' names, kinds and saved format, as metrics.json and the manifests carry them.</summary>
public static class SolutionNameModels
{
    /// <summary>The solution's name on the command line and in every manifest.</summary>
    public const string Solution = "solutionname";

    /// <summary>The from-scratch ridge regression.</summary>
    public const string FromScratch = "ridge-from-scratch";

#if (TwinTorch)
    /// <summary>The library twin.</summary>
    public const string Twin = "ridge-torch";

    /// <summary>The twin's <see cref="ModelKinds"/> value.</summary>
    public const string TwinKind = ModelKinds.Torch;
#else
    /// <summary>The library twin.</summary>
    public const string Twin = "ridge-mlnet";

    /// <summary>The twin's <see cref="ModelKinds"/> value.</summary>
    public const string TwinKind = ModelKinds.MLNet;
#endif

    /// <summary>The saved layout of every model here (<see cref="SavedRidge"/>).</summary>
    public const string Format = "refsol-ridge";
}
