using System.Diagnostics;
using System.Text.RegularExpressions;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// What <c>refsol new solution &lt;Name&gt;</c> does in the repository at <see cref="Root"/>: checks the name is free,
/// runs <c>dotnet new refsol-solution -n &lt;Name&gt; --twin T -o .</c> (the new files), then makes the edits a
/// template cannot: a line in <c>SolutionRegistry.cs</c> and in <c>CheckRegistry.cs</c> (with its <c>using</c>), a
/// <c>ProjectReference</c> in the CLI's project, an entry in <c>docs/toc.yml</c>, and both projects in the
/// <c>.sln</c> (<c>dotnet sln add</c>). Each edit first looks for its line and adds it only when absent, so running the
/// edits again changes nothing; a missing anchor or a failed tool is a <see cref="UserInputException"/> (exit 2).
/// </summary>
internal sealed partial class SolutionScaffold
{
    public const string Torch = "torch";
    public const string MLNet = "mlnet";
    public const string Template = "refsol-solution";

    private const string SolutionFile = "ReferenceSolutions.sln";
    private const string SolutionRegistryFile = "src/ReferenceSolutions.Cli/Commands/SolutionRegistry.cs";
    private const string CheckRegistryFile = "src/ReferenceSolutions.Cli/Commands/CheckRegistry.cs";
    private const string CliProjectFile = "src/ReferenceSolutions.Cli/ReferenceSolutions.Cli.csproj";
    private const string TocFile = "docs/toc.yml";

    private static readonly string[] Reserved = ["Core", "Cli", "Workloads", "TestSupport", "Benchmarks", "Recommender", "NeuralNet", "FraudDetection", "Templates"];

    /// <summary>A scaffold of <paramref name="name"/> in <paramref name="root"/>, next to the solutions <paramref name="existing"/> (their CLI names).</summary>
    public SolutionScaffold(string root, string name, IEnumerable<string> existing)
    {
        Root = root;
        Name = name;
        Lower = name.ToLowerInvariant();
        if (!File.Exists(Path.Combine(root, SolutionFile)) || !File.Exists(Path.Combine(root, SolutionRegistryFile)))
        {
            throw new UserInputException($"{root}: not the repository root (no {SolutionFile} and {SolutionRegistryFile}); run 'refsol new solution' from there");
        }
        if (!PascalCase().IsMatch(name))
        {
            throw new UserInputException($"'{Echo.Value(name)}' is not a PascalCase name (a capital letter, then letters and digits), e.g. HousePrices");
        }
        if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase) || existing.Contains(Lower, StringComparer.Ordinal) || Lower == "all")
        {
            throw new UserInputException($"'{name}' is taken: 'refsol run {Lower}' or the project ReferenceSolutions.{name} already means something else; choose another name");
        }
    }

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>The solution's PascalCase name.</summary>
    public string Name { get; }

    /// <summary>Its command-line name, the lower-case <see cref="Name"/>.</summary>
    public string Lower { get; }

    /// <summary>The files and folders the template writes; none may exist beforehand.</summary>
    public IReadOnlyList<string> Outputs =>
    [
        $"src/ReferenceSolutions.{Name}",
        $"tests/ReferenceSolutions.{Name}.Tests",
        $"src/ReferenceSolutions.Cli/Commands/{Name}Commands.cs",
        $"docs/{Lower}.md",
        $"notebooks/{Lower}.ipynb",
    ];

    /// <summary>Checks the name is free, generates the files, wires them in and prints the next steps to <paramref name="log"/>.</summary>
    public void Create(string twin, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        foreach (string output in Outputs)
        {
            if (File.Exists(Path.Combine(Root, output)) || Directory.Exists(Path.Combine(Root, output)))
            {
                throw new UserInputException($"solution '{Name}' exists: {output} is already there (nothing was changed; choose another name)");
            }
        }
        if (File.ReadAllText(Path.Combine(Root, SolutionRegistryFile)).Contains($"{Name}Commands.Create(io)", StringComparison.Ordinal))
        {
            throw new UserInputException($"solution '{Name}' exists: {SolutionRegistryFile} already registers {Name}Commands (nothing was changed; choose another name)");
        }
        Dotnet($"'dotnet new {Template}' failed (is the template installed? run: dotnet new install templates/{Template})",
            "new", Template, "-n", Name, "--twin", twin, "-o", ".");
        log.WriteLine($"created {string.Join(", ", Outputs)}");
        Wire();
        log.WriteLine($"wired into {SolutionFile}, {SolutionRegistryFile}, {CheckRegistryFile}, {CliProjectFile}, {TocFile}");
        log.WriteLine("next: dotnet build -c Release && bash build/parity-md.sh");
        log.WriteLine($"      dotnet test tests/ReferenceSolutions.{Name}.Tests -c Release --no-build");
        log.WriteLine($"      dotnet src/ReferenceSolutions.Cli/bin/Release/net10.0/refsol.dll run {Lower}");
        log.WriteLine("      then docs/capstone.md: replace the placeholder model with your own");
    }

    /// <summary>The edits beside the template's files; each is made only when its line is absent.</summary>
    public void Wire()
    {
        WireFiles();
        AddToSolutionFile();
    }

    /// <summary>The registry, project and table-of-contents lines (text edits, each only when absent).</summary>
    public void WireFiles()
    {
        InsertBefore(SolutionRegistryFile, "    ];", $"        {Name}Commands.Create(io),");
        InsertBefore(CheckRegistryFile, "    ];", $"        (\"{Name}\", \"src/ReferenceSolutions.{Name}/{Name}Checks.cs\", {Name}Checks.All),");
        InsertUsing(CheckRegistryFile, $"using ReferenceSolutions.{Name};");
        InsertAfterLast(CliProjectFile, "    <ProjectReference Include=", $"    <ProjectReference Include=\"../ReferenceSolutions.{Name}/ReferenceSolutions.{Name}.csproj\" />");
        InsertBefore(TocFile, "- name: Start your own solution", $"- name: {Name}\n  href: {Lower}.md");
    }

    /// <summary>Both projects in the .sln through <c>dotnet sln add</c>, unless already listed.</summary>
    public void AddToSolutionFile()
    {
        string sln = File.ReadAllText(Path.Combine(Root, SolutionFile));
        string[] projects = [.. new[] { $"src/ReferenceSolutions.{Name}/ReferenceSolutions.{Name}.csproj", $"tests/ReferenceSolutions.{Name}.Tests/ReferenceSolutions.{Name}.Tests.csproj" }
            .Where(p => !sln.Contains(p.Replace('/', '\\'), StringComparison.Ordinal))];
        if (projects.Length > 0)
        {
            Dotnet($"'dotnet sln {SolutionFile} add' failed", ["sln", SolutionFile, "add", .. projects]);
        }
    }

    private void InsertBefore(string file, string anchor, string line) => Edit(file, anchor, line, text =>
    {
        int at = LineStart(text, anchor, last: false);
        return at < 0 ? null : text.Insert(at, line + "\n");
    });

    private void InsertAfterLast(string file, string anchor, string line) => Edit(file, anchor, line, text =>
    {
        int at = LineStart(text, anchor, last: true);
        return at < 0 ? null : text.Insert(text.IndexOf('\n', at) + 1, line + "\n");
    });

    /// <summary>Adds <paramref name="line"/> among the <c>using ReferenceSolutions.…;</c> lines, in ordinal order.</summary>
    private void InsertUsing(string file, string line) => Edit(file, "using ReferenceSolutions.", line, text =>
    {
        string[] lines = text.Split('\n');
        int after = Array.FindLastIndex(lines, l => l.StartsWith("using ReferenceSolutions.", StringComparison.Ordinal) && string.CompareOrdinal(l, line) < 0);
        int first = Array.FindIndex(lines, l => l.StartsWith("using ReferenceSolutions.", StringComparison.Ordinal));
        if (first < 0)
        {
            return null;
        }
        int index = after < 0 ? first : after + 1;
        return string.Join('\n', lines[..index].Append(line).Concat(lines[index..]));
    });

    private void Edit(string file, string anchor, string line, Func<string, string?> insert)
    {
        string path = Path.Combine(Root, file);
        string text = File.ReadAllText(path);
        if (text.Contains(line, StringComparison.Ordinal))
        {
            return;
        }
        string edited = insert(text) ?? throw new UserInputException($"{file}: no line starting '{anchor.Trim()}' to add '{line.Trim()}' at; add it by hand");
        File.WriteAllText(path, edited);
    }

    private static int LineStart(string text, string anchor, bool last)
    {
        MatchCollection matches = Regex.Matches(text, "^" + Regex.Escape(anchor), RegexOptions.Multiline);
        return matches.Count == 0 ? -1 : (last ? matches[^1] : matches[0]).Index;
    }

    private void Dotnet(string failure, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start) ?? throw new UserInputException($"{failure}: could not start dotnet");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string detail = string.Join(' ', (error + "\n" + output.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
            throw new UserInputException($"{failure}: dotnet {string.Join(' ', arguments)} exited {process.ExitCode}: {Echo.Message(detail)}");
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();
}
