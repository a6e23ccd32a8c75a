using System.CommandLine;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>Options shared by several commands, spelled once.</summary>
internal static class CommonOptions
{
    /// <summary>The default seed of every run.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary><c>--verbose</c>: show stack traces for errors.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show the stack trace of an error.",
        Recursive = true,
    };

    /// <summary><c>--seed N</c>.</summary>
    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "Seed of every random choice (data generation, initial weights, shuffles, splits).",
        DefaultValueFactory = _ => DefaultSeed,
    };

    /// <summary><c>--out DIR</c>; null means the command's default folder.</summary>
    public static Option<string?> Out(string description) => new("--out") { Description = description };

    /// <summary><c>--force</c>: replace an existing non-empty output folder whole.</summary>
    public static Option<bool> Force() => new("--force") { Description = "Replace an existing, non-empty output folder whole (only once the new results are complete)." };

    /// <summary><c>--json</c>: print exactly one JSON object on stdout.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout instead of a table." };
}
