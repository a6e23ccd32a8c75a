using ReferenceSolutions.Core;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.Recommender;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>Every project's check registry, in the order docs/parity.md lists them.</summary>
internal static class CheckRegistry
{
    /// <summary>(heading, registry source file, checks) per project.</summary>
    public static IReadOnlyList<(string Heading, string Source, IReadOnlyList<CheckDefinition> Checks)> Sections { get; } =
    [
        ("Core", "src/ReferenceSolutions.Core/CoreChecks.cs", CoreChecks.All),
        ("Recommender", "src/ReferenceSolutions.Recommender/RecommenderChecks.cs", RecommenderChecks.All),
        ("Neural network", "src/ReferenceSolutions.NeuralNet/NeuralNetChecks.cs", NeuralNetChecks.All),
        ("Fraud detection", "src/ReferenceSolutions.FraudDetection/FraudChecks.cs", FraudChecks.All),
    ];

    /// <summary>Every check of every project.</summary>
    public static IReadOnlyList<CheckDefinition> All { get; } = [.. Sections.SelectMany(s => s.Checks)];
}
