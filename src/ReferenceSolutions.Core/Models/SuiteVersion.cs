using System.Reflection;

namespace ReferenceSolutions.Core.Models;

/// <summary>
/// The suite's version as saved models record it: major.minor.patch of the assemblies (the build's commit, which
/// <c>refsol --version</c> adds after a <c>+</c>, is left out, so a model survives a rebuild of the same release).
/// </summary>
public static class SuiteVersion
{
    /// <summary>This build's version, e.g. <c>0.1.0</c>.</summary>
    public static string Current { get; } =
        (typeof(SuiteVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
