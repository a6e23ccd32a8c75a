using System.Text.RegularExpressions;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// docs/parity.md cannot drift from the parity suites: every test method in a <c>tests/**/*ParityTests.cs</c> file is
/// named there as <c>Class.Method</c>, in a table row with its identity, tolerance and reason, or (for a test of those
/// files that checks no identity, such as input validation) in a list item saying why; and every test the page names exists.
/// </summary>
public partial class ParityDocumentationTests
{
    [Fact]
    public void Every_parity_test_is_documented_in_parity_md_and_every_documented_one_exists()
    {
        string root = DatasetLocator.RepositoryRoot() ?? throw new InvalidOperationException("ReferenceSolutions.sln not found above the test assembly");
        string[] files = Directory.GetFiles(Path.Combine(root, "tests"), "*ParityTests.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(files);
        SortedSet<string> tests = new(files.SelectMany(TestMethods), StringComparer.Ordinal);
        Dictionary<string, string[]> documented = DocumentedRows(Path.Combine(root, "docs", "parity.md"));

        string[] missing = [.. tests.Where(t => !documented.ContainsKey(t))];
        string[] stale = [.. documented.Keys.Where(t => !tests.Contains(t)).Order(StringComparer.Ordinal)];
        string[] incomplete = [.. documented.Where(row => row.Value.Any(string.IsNullOrWhiteSpace)).Select(row => row.Key).Order(StringComparer.Ordinal)];
        string[] problems =
        [
            .. missing.Select(t => $"no row for {t}"),
            .. stale.Select(t => $"a row for {t}, which is not a test in a *ParityTests.cs file"),
            .. incomplete.Select(t => $"an empty identity, tolerance, reason or explanation for {t}"),
        ];
        Assert.True(problems.Length == 0, $"docs/parity.md has {problems.Length} problem(s):\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void The_scanner_finds_facts_theories_and_properties_by_class_and_method()
    {
        string file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}ParityTests.cs");
        File.WriteAllText(file, """
            public class SvdParityTests
            {
                [Fact]
                public void Singular_values_match() { }

                [Theory]
                [InlineData(1)]
                public void Factors_match(int n) { }

                [Property(MaxTest = 20)]
                public async Task Reconstruction_matches(ulong seed) { }

                [DatasetFact("optdigits/optdigits-train.csv")]
                public void Real_data_matches() { }

                private static void Helper() { }
            }
            """);
        try
        {
            Assert.Equal(
                ["SvdParityTests.Singular_values_match", "SvdParityTests.Factors_match", "SvdParityTests.Reconstruction_matches", "SvdParityTests.Real_data_matches"],
                TestMethods(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The <c>Class.Method</c> names of the methods carrying a test attribute (Fact, Theory, Property, or a subclass named …Fact/…Theory).</summary>
    private static IEnumerable<string> TestMethods(string file)
    {
        string? type = null;
        bool attributed = false;
        foreach (string line in File.ReadLines(file))
        {
            Match declaration = TypeDeclaration().Match(line);
            if (declaration.Success)
            {
                type = declaration.Groups["name"].Value;
                continue;
            }
            if (TestAttribute().IsMatch(line))
            {
                attributed = true;
                continue;
            }
            Match method = MethodDeclaration().Match(line);
            if (attributed && method.Success && type is not null)
            {
                yield return $"{type}.{method.Groups["name"].Value}";
                attributed = false;
            }
        }
    }

    /// <summary>
    /// The page's entries, name → text cells: table rows whose first cell is a test name in backticks (then identity,
    /// tolerance, reason), and list items <c>- `Class.Method`: why it is not a parity check</c> for the other tests of the
    /// parity files (input validation, determinism, a negative control).
    /// </summary>
    private static Dictionary<string, string[]> DocumentedRows(string page)
    {
        Assert.True(File.Exists(page), $"{page} does not exist");
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(page))
        {
            Match item = DocumentedItem().Match(line);
            if (item.Success)
            {
                Assert.True(rows.TryAdd(item.Groups["name"].Value, [item.Groups["text"].Value.Trim()]), $"docs/parity.md lists {item.Groups["name"].Value} twice");
                continue;
            }
            Match row = DocumentedRow().Match(line);
            if (row.Success)
            {
                string[] cells = [.. CellSeparator().Split(line.Trim().Trim('|')).Skip(1).Select(c => c.Trim())];
                Assert.True(cells.Length == 3, $"docs/parity.md: the row of {row.Groups["name"].Value} needs 4 cells (test | identity | tolerance | reason)");
                Assert.True(rows.TryAdd(row.Groups["name"].Value, cells), $"docs/parity.md lists {row.Groups["name"].Value} twice");
            }
        }
        return rows;
    }

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|protected|sealed|static|abstract|partial)\s+)*(?:class|record)\s+(?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*\[(?:\w+\.)*(?:Fact|Theory|Property|\w+Fact|\w+Theory|\w+Property)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^\s*public\s+(?:static\s+)?(?:async\s+)?(?:void|Task|Task<\w+>|bool|Property)\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"^\s*\|\s*`(?<name>\w+\.\w+)`\s*\|")]
    private static partial Regex DocumentedRow();

    [GeneratedRegex(@"^\s*[-*]\s+`(?<name>\w+\.\w+)`\s*:(?<text>.*)$")]
    private static partial Regex DocumentedItem();
}
