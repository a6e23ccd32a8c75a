using ReferenceSolutions.Cli.Commands;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// docs/parity.md is the check registries rendered (<c>refsol checks --markdown</c>), so the page cannot claim a check
/// the code does not make or miss one it does; ids are unique across projects and name their project.
/// </summary>
public class CheckRegistryTests
{
    [Fact]
    public void Docs_parity_md_is_the_rendered_registry()
    {
        string root = DatasetLocator.RepositoryRoot() ?? throw new InvalidOperationException("ReferenceSolutions.sln not found above the test assembly");
        string committed = File.ReadAllText(Path.Combine(root, "docs", "parity.md"));
        string rendered = ParityPage.Render(CheckRegistry.Sections);
        if (committed != rendered)
        {
            string[] a = committed.Split('\n'), b = rendered.Split('\n');
            int line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
            Assert.Fail($"docs/parity.md is out of date with the check registries (first difference at line {line + 1}); run build/parity-md.sh.\ncommitted: {(line < a.Length ? a[line] : "<end>")}\nregistry:  {(line < b.Length ? b[line] : "<end>")}");
        }
    }

    [Fact]
    public void Check_ids_are_unique_and_name_their_project()
    {
        Assert.Equal(CheckRegistry.All.Count, CheckRegistry.All.Select(c => c.Id).Distinct().Count());
        foreach (CheckDefinition check in CheckRegistry.All)
        {
            Assert.StartsWith(check.Solution + ".", check.Id, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Checks_json_lists_every_registered_check()
    {
        (int exit, string stdout, string stderr) = CliRunner.Run("checks", "--json");
        Assert.True(exit == 0, stderr);
        using var document = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(CheckRegistry.All.Select(c => c.Id), document.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(2, CliRunner.Run("checks", "--solution", "nothing").ExitCode);
    }
}
