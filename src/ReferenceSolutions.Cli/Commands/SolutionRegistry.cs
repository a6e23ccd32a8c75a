namespace ReferenceSolutions.Cli.Commands;

/// <summary>The solutions the CLI knows, in the order <c>run all</c> runs them. Each solution adds one line here.</summary>
internal static class SolutionRegistry
{
    public static IReadOnlyList<SolutionCommands> Create(CliIo io) =>
    [
        RecommenderCommands.Create(io),
        NeuralNetCommands.Create(io),
        FraudCommands.Create(io),
    ];
}
