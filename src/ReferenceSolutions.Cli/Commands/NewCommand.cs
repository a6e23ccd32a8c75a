using System.CommandLine;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol new solution &lt;Name&gt; [--twin torch|mlnet]</c>, run from the repository root: scaffolds a solution
/// from the <c>refsol-solution</c> template (<c>dotnet new install templates/refsol-solution</c> first) and wires it in
/// (<see cref="SolutionScaffold"/>). Exit 2, with nothing changed, when the name is taken or not a PascalCase
/// identifier, the folder is not the repository root, or the template is not installed.
/// </summary>
internal static class NewCommand
{
    public static Command Create(CliIo io)
    {
        var name = new Argument<string>("name") { Description = "PascalCase, e.g. HousePrices: projects ReferenceSolutions.<Name>, command 'refsol run <name in lower case>'." };
        var twin = new Option<string>("--twin") { Description = "The library twin: torch (TorchSharp linalg.solve) or mlnet (ML.NET SDCA).", DefaultValueFactory = _ => SolutionScaffold.Torch };
        twin.AcceptOnlyFromAmong(SolutionScaffold.Torch, SolutionScaffold.MLNet);
        var solution = new Command("solution", "Scaffold a solution from the refsol-solution template and wire it into the .sln, the CLI, the check registry and the docs' table of contents.")
        {
            name, twin,
        };
        solution.SetAction(parse =>
        {
            var scaffold = new SolutionScaffold(Directory.GetCurrentDirectory(), parse.GetValue(name)!, SolutionRegistry.Create(io).Select(s => s.Solution.Name));
            scaffold.Create(parse.GetValue(twin)!, io.Out);
            return ExitCodes.Success;
        });
        return new Command("new", "Start your own solution (see docs/capstone.md).") { solution };
    }
}
