using ReferenceSolutions.NotebookCheck;

// notebook-check compare COMMITTED EXECUTED: exit 0 when every code cell's outputs match, 1 (with the differences on
// stdout) when one differs, 2 on a usage or file error (one line on stderr).
// notebook-check update COMMITTED EXECUTED: writes EXECUTED's outputs into COMMITTED (see NotebookUpdate).
const int MaxShown = 20;
if (args.Length != 3 || args[0] is not ("compare" or "update"))
{
    Console.Error.WriteLine("error: usage: notebook-check compare|update COMMITTED.ipynb EXECUTED.ipynb");
    return 2;
}
try
{
    var committed = Notebook.Read(args[1]);
    var executed = Notebook.Read(args[2]);
    if (args[0] == "update")
    {
        string json = NotebookUpdate.Apply(committed, executed);
        string temporary = args[1] + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, args[1], overwrite: true);
        Console.WriteLine($"updated {args[1]} ({committed.CodeCells.Sum(c => c.Outputs.Count)} outputs)");
        return 0;
    }
    var differences = NotebookComparison.Compare(committed, executed);
    if (differences.Count == 0)
    {
        return 0;
    }
    Console.WriteLine($"{args[1]}: {differences.Count} output(s) differ from the executed copy {args[2]}:");
    foreach (var difference in differences.Take(MaxShown))
    {
        Console.WriteLine($"- {difference}");
    }
    if (differences.Count > MaxShown)
    {
        Console.WriteLine($"… and {differences.Count - MaxShown} more");
    }
    return 1;
}
catch (NotebookFormatException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"error: {args[1]}: cannot be written: {e.Message}");
    return 2;
}
