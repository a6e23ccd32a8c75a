using ReferenceSolutions.Cli.Commands;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// <c>refsol new solution</c>: a taken, malformed or misplaced name is refused (exit 2, nothing changed), and the
/// wiring edits land once each, so running them again changes nothing. The full path (template, build, tests,
/// <c>run all</c>) is build/template-check.sh.
/// </summary>
public sealed class NewSolutionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("refsol-new-").FullName;

    public NewSolutionTests()
    {
        Write("ReferenceSolutions.sln", "");
        Write("src/ReferenceSolutions.Cli/Commands/SolutionRegistry.cs",
            "internal static class SolutionRegistry\n{\n    public static IReadOnlyList<SolutionCommands> Create(CliIo io) =>\n    [\n        FraudCommands.Create(io),\n    ];\n}\n");
        Write("src/ReferenceSolutions.Cli/Commands/CheckRegistry.cs",
            "using ReferenceSolutions.Core;\nusing ReferenceSolutions.FraudDetection;\nusing ReferenceSolutions.Recommender;\n\nnamespace X;\n\ninternal static class CheckRegistry\n{\n    public static T Sections { get; } =\n    [\n        (\"Core\", \"a\", CoreChecks.All),\n    ];\n\n    public static T All { get; } = [.. Sections];\n}\n");
        Write("src/ReferenceSolutions.Cli/ReferenceSolutions.Cli.csproj",
            "<Project>\n  <ItemGroup>\n    <ProjectReference Include=\"../ReferenceSolutions.Core/ReferenceSolutions.Core.csproj\" />\n    <ProjectReference Include=\"../ReferenceSolutions.Workloads/ReferenceSolutions.Workloads.csproj\" />\n  </ItemGroup>\n  <ItemGroup>\n    <PackageReference Include=\"X\" />\n  </ItemGroup>\n</Project>\n");
        Write("docs/toc.yml", "- name: Fraud detection (statistics)\n  href: fraud-detection.md\n- name: Start your own solution\n  href: capstone.md\n- name: ONNX export\n  href: onnx.md\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Wiring_adds_each_line_once_and_a_second_pass_changes_nothing()
    {
        var scaffold = new SolutionScaffold(_root, "HousePrices", ["fraud"]);
        scaffold.WireFiles();
        string[] files = ["src/ReferenceSolutions.Cli/Commands/SolutionRegistry.cs", "src/ReferenceSolutions.Cli/Commands/CheckRegistry.cs", "src/ReferenceSolutions.Cli/ReferenceSolutions.Cli.csproj", "docs/toc.yml"];
        string[] once = [.. files.Select(Read)];
        scaffold.WireFiles();
        Assert.Equal(once, files.Select(Read));

        Assert.Contains("        FraudCommands.Create(io),\n        HousePricesCommands.Create(io),\n    ];", once[0]);
        Assert.Contains("using ReferenceSolutions.FraudDetection;\nusing ReferenceSolutions.HousePrices;\nusing ReferenceSolutions.Recommender;\n", once[1]);
        Assert.Contains("        (\"HousePrices\", \"src/ReferenceSolutions.HousePrices/HousePricesChecks.cs\", HousePricesChecks.All),\n    ];\n\n    public static T All", once[1]);
        Assert.Contains("Workloads.csproj\" />\n    <ProjectReference Include=\"../ReferenceSolutions.HousePrices/ReferenceSolutions.HousePrices.csproj\" />\n  </ItemGroup>", once[2]);
        Assert.Contains("  href: fraud-detection.md\n- name: HousePrices\n  href: houseprices.md\n- name: Start your own solution", once[3]);
    }

    [Theory]
    [InlineData("housePrices", "is not a PascalCase name")]
    [InlineData("House-Prices", "is not a PascalCase name")]
    [InlineData("Fraud", "is taken")]
    [InlineData("Core", "is taken")]
    [InlineData("All", "is taken")]
    public void A_malformed_or_taken_name_is_refused(string name, string message)
    {
        var error = Assert.Throws<UserInputException>(() => new SolutionScaffold(_root, name, ["fraud"]));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_existing_solution_is_refused_before_anything_changes()
    {
        Directory.CreateDirectory(Path.Combine(_root, "tests/ReferenceSolutions.HousePrices.Tests"));
        string registry = Read("src/ReferenceSolutions.Cli/Commands/SolutionRegistry.cs");
        var error = Assert.Throws<UserInputException>(() => new SolutionScaffold(_root, "HousePrices", []).Create(SolutionScaffold.Torch, TextWriter.Null));
        Assert.Equal("solution 'HousePrices' exists: tests/ReferenceSolutions.HousePrices.Tests is already there (nothing was changed; choose another name)", error.Message);
        Assert.Equal(registry, Read("src/ReferenceSolutions.Cli/Commands/SolutionRegistry.cs"));
    }

    [Fact]
    public void Outside_the_repository_root_the_command_exits_2_in_one_line()
    {
        (int code, _, string stderr) = CliRunner.Run("new", "solution", "HousePrices");
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("not the repository root", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    private void Write(string file, string text)
    {
        string path = Path.Combine(_root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Read(string file) => File.ReadAllText(Path.Combine(_root, file));
}
