using System.CommandLine;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// What one solution adds to the CLI: its <c>run &lt;name&gt;</c> command (with its own options), its
/// <c>verify &lt;check&gt;</c> commands, and any top-level command (e.g. <c>recommend</c>).
/// </summary>
internal sealed record SolutionCommands(ISolution Solution, Command Run, IReadOnlyList<Command> Verify, IReadOnlyList<Command> TopLevel);
