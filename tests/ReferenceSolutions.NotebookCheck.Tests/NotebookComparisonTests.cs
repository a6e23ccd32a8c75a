namespace ReferenceSolutions.NotebookCheck.Tests;

public class NotebookComparisonTests
{
    [Fact]
    public void The_same_outputs_compare_equal()
    {
        var outputs = NotebookJson.Outputs(NotebookJson.Stream("L = 0.47081585109767776\n"), NotebookJson.Html("<table><tr><td>auc</td><td>0.946139</td></tr></table>"));
        Assert.Empty(NotebookComparison.Compare(NotebookJson.With(outputs), NotebookJson.With(outputs.DeepClone().AsArray())));
    }

    [Fact]
    public void A_changed_number_in_printed_text_fails_naming_the_cell_the_output_and_the_line()
    {
        var committed = NotebookJson.With([], NotebookJson.Outputs(NotebookJson.Stream("header\n", "L = 0.47081585109767776\n")));
        var executed = NotebookJson.With([], NotebookJson.Outputs(NotebookJson.Stream("header\n", "L = 0.47081585109767775\n")));

        var difference = Assert.Single(NotebookComparison.Compare(committed, executed));

        Assert.Equal(2, difference.Cell);
        Assert.Equal("output 1 (stream stdout)", difference.Where);
        Assert.Contains("line 2, column 23:", difference.What, StringComparison.Ordinal);
        Assert.Contains("committed: L = 0.47081585109767776", difference.What, StringComparison.Ordinal);
        Assert.Contains("executed:  L = 0.47081585109767775", difference.What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_number_in_an_html_table_is_shown_as_its_row()
    {
        const string Row1 = "<tr><td>logreg</td><td>0.946139</td></tr>";
        var committed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Html($"<table>{Row1}<tr><td>fasttree</td><td>0.95</td></tr></table>")));
        var executed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Html($"<table>{Row1}<tr><td>fasttree</td><td>0.96</td></tr></table>")));

        var difference = Assert.Single(NotebookComparison.Compare(committed, executed));

        Assert.Equal("output 1 (display_data text/html)", difference.Where);
        Assert.Contains("line 2, column 29:", difference.What, StringComparison.Ordinal);
        Assert.Contains("committed: <tr><td>fasttree</td><td>0.95</td></tr>", difference.What, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in 16.7 s; outputs in /tmp/refsol-neuralnet-oUrcBa", "in 3.2 s; outputs in /tmp/refsol-neuralnet-Q1xYz9")]
    [InlineData("took 1,234 ms", "took 87 ms")]
    [InlineData("(12 µs a step)", "(9.5 µs a step)")]
    [InlineData("C:\\Users\\me\\AppData\\Local\\Temp\\refsol-a\\x.csv", "C:\\Users\\you\\AppData\\Local\\Temp\\refsol-b\\x.csv")]
    [InlineData("/var/folders/ab/cd123/T/refsol-a/x.csv", "/private/var/folders/xy/zz987/T/refsol-b/x.csv")]
    public void Durations_and_temporary_paths_are_masked(string committed, string executed)
    {
        Assert.Empty(NotebookComparison.Compare(
            NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream(committed))),
            NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream(executed)))));
    }

    [Theory]
    [InlineData("accuracy = 0.976 in 16.7 s", "accuracy = 0.977 in 16.7 s")]
    [InlineData("5 saved models", "6 saved models")]
    [InlineData("σ = 1.5e-15", "σ = 1.6e-15")]
    [InlineData("outputs in notebooks/runs/fraud", "outputs in notebooks/runs/neuralnet")]
    public void Numbers_next_to_the_masked_parts_are_still_compared(string committed, string executed)
    {
        Assert.Single(NotebookComparison.Compare(
            NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream(committed))),
            NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream(executed)))));
    }

    [Fact]
    public void A_stream_split_into_other_outputs_is_the_same_stream()
    {
        var committed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream("a = 1\n", "b = 2\n")));
        var executed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream("a = 1\n"), NotebookJson.Stream("b = 2\n")));
        Assert.Empty(NotebookComparison.Compare(committed, executed));
    }

    [Fact]
    public void A_missing_or_extra_output_is_reported_with_what_is_on_each_side()
    {
        var committed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream("a\n")));
        var executed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Stream("a\n"), NotebookJson.Html("<p>new</p>")));

        var difference = Assert.Single(NotebookComparison.Compare(committed, executed));

        Assert.Contains("1 items committed, 2 executed", difference.What, StringComparison.Ordinal);
        Assert.Contains("executed from here:  output 2 (display_data text/html)", difference.What, StringComparison.Ordinal);
        Assert.Single(NotebookComparison.Compare(executed, committed));
    }

    [Fact]
    public void Another_number_of_code_cells_or_another_source_is_reported_not_compared()
    {
        var one = NotebookJson.With(NotebookJson.Outputs());
        var two = NotebookJson.With(NotebookJson.Outputs(), NotebookJson.Outputs());
        Assert.Contains("1 committed, 2 executed", Assert.Single(NotebookComparison.Compare(one, two)).What, StringComparison.Ordinal);

        var edited = NotebookJson.With(NotebookJson.Outputs());
        edited.CodeCells[0].Json["source"] = "Console.WriteLine(2);\n";
        Assert.Equal("source", Assert.Single(NotebookComparison.Compare(one, edited)).Where);
    }

    [Fact]
    public void A_plot_embedded_in_html_is_compared_by_its_pixels_and_the_html_around_it_as_text()
    {
        byte[] png = TestImages.Plot(0.5);
        string Img(byte[] bytes, string caption) => $"<p>{caption}</p><img src=\"data:image/png;base64,{Convert.ToBase64String(bytes)}\"/>";
        var committed = NotebookJson.With(NotebookJson.Outputs(NotebookJson.Html(Img(png, "roc.png"))));

        Assert.Empty(NotebookComparison.Compare(committed, NotebookJson.With(NotebookJson.Outputs(NotebookJson.Html(Img(TestImages.Reencoded(png), "roc.png"))))));

        var moved = Assert.Single(NotebookComparison.Compare(committed, NotebookJson.With(NotebookJson.Outputs(NotebookJson.Html(Img(TestImages.Plot(0.6), "roc.png"))))));
        Assert.Equal("output 1 (display_data text/html) image 1", moved.Where);
        Assert.Matches(@"^[\d,]+ of 96,000 pixels differ by more than 0 \(up to \d+ in a channel\)", moved.What);

        var renamed = Assert.Single(NotebookComparison.Compare(committed, NotebookJson.With(NotebookJson.Outputs(NotebookJson.Html(Img(png, "pr.png"))))));
        Assert.Equal("output 1 (display_data text/html)", renamed.Where);
    }
}
