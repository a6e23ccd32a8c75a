using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Solutions;

/// <summary>
/// One end-to-end solution (recommender, neural net, fraud detection) as the CLI, the notebooks and <c>run all</c>
/// see it: a name, a run on its built-in seeded data, and a generator that writes that data as CSV.
/// </summary>
public interface ISolution
{
    /// <summary>The name used on the command line, e.g. <c>neuralnet</c>.</summary>
    string Name { get; }

    /// <summary>One line on what it does and which twins it compares.</summary>
    string Summary { get; }

    /// <summary>Runs every model on the built-in generated data, writing outputs to <see cref="RunContext.OutputDirectory"/>.</summary>
    RunReport Run(RunContext context);

    /// <summary>Writes the built-in seeded data as CSV files into <paramref name="directory"/>; returns their paths.</summary>
    IReadOnlyList<string> GenerateData(string directory, ulong seed);
}

/// <summary>What a run is given: the seed every random choice derives from, where outputs go, and where progress goes.</summary>
public sealed record RunContext(ulong Seed, string OutputDirectory, IRunProgress Progress);

/// <summary>Progress of long work, shown by the CLI (Spectre.Console) and ignored by tests.</summary>
public interface IRunProgress
{
    /// <summary><paramref name="done"/> of <paramref name="total"/> steps of <paramref name="stage"/> are finished.</summary>
    void Report(string stage, int done, int total);
}

/// <summary>Progress that goes nowhere.</summary>
public sealed class SilentProgress : IRunProgress
{
    /// <summary>The shared instance.</summary>
    public static SilentProgress Instance { get; } = new();

    /// <inheritdoc/>
    public void Report(string stage, int done, int total)
    {
    }
}
