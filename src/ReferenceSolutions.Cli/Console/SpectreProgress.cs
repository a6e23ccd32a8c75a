using ReferenceSolutions.Core.Solutions;
using Spectre.Console;

namespace ReferenceSolutions.Cli.Console;

/// <summary>Shows a solution's <see cref="IRunProgress"/> reports as Spectre.Console progress bars, one per stage.</summary>
internal sealed class SpectreProgress : IRunProgress
{
    private readonly ProgressContext _context;
    private readonly string _solution;
    private readonly Dictionary<string, ProgressTask> _tasks = [];

    private SpectreProgress(ProgressContext context, string solution)
    {
        _context = context;
        _solution = solution;
    }

    /// <summary>Runs <paramref name="work"/> under a live progress display.</summary>
    public static T Run<T>(IAnsiConsole console, string solution, Func<IRunProgress, T> work) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new SpectreProgress(context, solution)));

    /// <inheritdoc/>
    public void Report(string stage, int done, int total)
    {
        lock (_tasks)
        {
            if (!_tasks.TryGetValue(stage, out ProgressTask? task))
            {
                task = _context.AddTask($"{Markup.Escape(_solution)}: {Markup.Escape(stage)}", maxValue: Math.Max(total, 1));
                _tasks[stage] = task;
            }
            task.MaxValue = Math.Max(total, 1);
            task.Value = Math.Min(done, total);
        }
    }
}
