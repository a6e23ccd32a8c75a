using System.Text.Json.Nodes;

namespace ReferenceSolutions.NotebookCheck.Tests;

public class NotebookUpdateTests
{
    [Fact]
    public void Outputs_are_copied_and_nothing_else_is()
    {
        var committed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream("old\n")));
        var executed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream("new\n")));
        var executedCell = executed.CodeCells[0].Json;
        executedCell["metadata"] = new JsonObject { ["dotnet_repl_cellExecutionStartTime"] = "2026-11-29T20:12:26.0451798+00:00" };
        executedCell["execution_count"] = 7;
        executed.Root["metadata"] = new JsonObject { ["language_info"] = new JsonObject { ["name"] = "C#" } };

        var updated = NotebookJson.Parse(NotebookUpdate.Apply(committed, executed));

        Assert.Empty(NotebookComparison.Compare(updated, executed));
        var cell = updated.CodeCells[0].Json;
        Assert.Equal("{}", cell["metadata"]!.ToJsonString());
        Assert.Null(cell["execution_count"]);
        Assert.Equal("{}", updated.Root["metadata"]!.ToJsonString());
        Assert.Equal("# title\n", Notebook.JoinedText(updated.Root["cells"]![0]!["source"]));
    }

    [Fact]
    public void An_executed_copy_of_other_cells_is_refused()
    {
        var committed = NotebookJson.With(NotebookJson.Outputs());
        var executed = NotebookJson.With(NotebookJson.Outputs(), NotebookJson.Outputs());
        Assert.Throws<NotebookFormatException>(() => NotebookUpdate.Apply(committed, executed));
    }

    [Fact]
    public void Writing_a_committed_notebook_back_changes_nothing_in_it()
    {
        foreach (string path in CommittedNotebooks.Paths)
        {
            string written = NotebookUpdate.Apply(Notebook.Read(path), Notebook.Read(path));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(path)), JsonNode.Parse(written)), $"{path} changed when written back");
        }
    }
}
