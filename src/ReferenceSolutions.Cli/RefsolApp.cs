using System.CommandLine;
using ReferenceSolutions.Cli.Commands;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Cli;

/// <summary>Builds the <c>refsol</c> command tree and maps every outcome to an exit code (see <see cref="ExitCodes"/>).</summary>
internal static partial class RefsolApp
{
    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        NumericalReproducibility.Configure();
        var io = new CliIo(stdout, stderr);
        RootCommand root = CreateRoot(io);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"error: {Echo.Message(DescribeParseError(parse))}");
            return ExitCodes.UsageOrInput;
        }
        bool verbose = parse.GetValue(CommonOptions.Verbose);
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = stdout,
                Error = stderr,
            });
        }
        catch (UserInputException e)
        {
            stderr.WriteLine($"error: {Echo.Message(e.Message)}");
            if (verbose)
            {
                stderr.WriteLine(e);
            }
            return ExitCodes.UsageOrInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {Echo.Message(e.Message)}");
            if (verbose)
            {
                stderr.WriteLine(e);
            }
            return ExitCodes.UsageOrInput;
        }
        catch (Exception e) when (!verbose)
        {
            stderr.WriteLine($"error: internal error: {e.GetType().Name}: {Echo.Message(e.Message)} (run with --verbose for the stack trace)");
            return ExitCodes.InternalError;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"error: internal error: {e}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>One line: the most telling parse error, with the subcommands the user could have meant.</summary>
    private static string DescribeParseError(ParseResult parse)
    {
        string message = parse.Errors.Select(e => e.Message).FirstOrDefault(m => m.StartsWith("Unrecognized", StringComparison.Ordinal))
            ?? parse.Errors[0].Message;
        message = UnparsableValue().Replace(message, m => $"{m.Groups["option"].Value}: '{m.Groups["value"].Value}' is not {m.Groups["type"].Value switch
        {
            "Int32" or "Int64" => "an integer",
            "UInt32" or "UInt64" => "a non-negative integer",
            "Double" or "Single" => "a number",
            string other => $"a {other}",
        }}");
        Command command = parse.CommandResult.Command;
        string[] choices = [.. command.Subcommands.Select(c => c.Name)];
        string path = string.Join(' ', parse.CommandResult.Command.Parents.OfType<Command>().Reverse().Skip(1).Select(c => c.Name).Append(command.Name));
        return choices.Length == 0 ? message : $"{message} ('{path}' takes one of: {string.Join(", ", choices)})";
    }

    /// <summary>System.CommandLine's "Cannot parse argument 'V' for option 'O' as expected type 'T'.", T a CLR type name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?:System\.Nullable`1\[)?(?:System\.)?(?<type>\w+)\]?'\.$")]
    private static partial System.Text.RegularExpressions.Regex UnparsableValue();

    private static RootCommand CreateRoot(CliIo io)
    {
        var root = new RootCommand("refsol: from-scratch machine learning beside its library twins (TorchSharp, ML.NET), with parity checks.");
        root.Options.Add(CommonOptions.Verbose);
        IReadOnlyList<SolutionCommands> solutions = SolutionRegistry.Create(io);
        root.Subcommands.Add(RunCommands.Create(io, solutions));
        root.Subcommands.Add(VerifyCommands.Create(solutions));
        root.Subcommands.Add(ScoreCommand.Create(io, solutions));
        root.Subcommands.Add(ExportCommand.Create(io));
        root.Subcommands.Add(ChecksCommand.Create(io));
        root.Subcommands.Add(DoctorCommand.Create(io));
        root.Subcommands.Add(BenchCommand.Create(io));
        root.Subcommands.Add(ServeCommand.Create(io));
        root.Subcommands.Add(NewCommand.Create(io));
        root.Subcommands.Add(DataCommands.Create(io, solutions));
        foreach (SolutionCommands solution in solutions)
        {
            foreach (Command extra in solution.TopLevel)
            {
                root.Subcommands.Add(extra);
            }
        }
        return root;
    }
}
