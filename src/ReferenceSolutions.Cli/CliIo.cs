using Spectre.Console;

namespace ReferenceSolutions.Cli;

/// <summary>The streams a command writes to, and a Spectre console over stdout for tables and progress.</summary>
internal sealed class CliIo
{
    public CliIo(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
        bool isConsole = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = isConsole ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isConsole ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isConsole ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isConsole)
        {
            Console.Profile.Width = 160;
        }
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }
}
