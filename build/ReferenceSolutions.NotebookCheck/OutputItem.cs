using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReferenceSolutions.NotebookCheck;

/// <summary>
/// One comparable piece of a code cell's outputs: a text (compared exactly after <see cref="VolatileText.Mask"/>) or an
/// image (compared by <see cref="ImageComparison"/>), with a label that locates it, e.g.
/// <c>output 2 (display_data text/html)</c> or <c>output 2 (display_data text/html) image 1</c>.
/// </summary>
internal sealed record OutputItem(string Label, string? Text, byte[]? Image)
{
    private static readonly Regex DataUri = new(@"data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)", RegexOptions.CultureInvariant);

    /// <summary>
    /// The items of one cell's outputs (nbformat 4): consecutive <c>stream</c> outputs of one name are joined first (the
    /// notebook format defines them as one stream, and how a kernel splits a stream into outputs is not part of what a
    /// cell printed); every MIME type of a <c>display_data</c> or <c>execute_result</c> in name order; an <c>error</c>'s
    /// name, value and traceback. An <c>image/png</c> entry is an image; inside text, every embedded
    /// <c>data:image/png;base64,…</c> URI (how the notebooks here show plots) becomes an image item of its own and is
    /// replaced by <c>data:image/png;base64,&lt;image k&gt;</c> in the text.
    /// </summary>
    public static IReadOnlyList<OutputItem> Of(JsonArray outputs)
    {
        var items = new List<OutputItem>();
        for (int o = 0; o < outputs.Count; o++)
        {
            var output = outputs[o] as JsonObject ?? throw new NotebookFormatException($"output {o + 1} is not an object");
            string type = output["output_type"]?.GetValue<string>() ?? "";
            string label = $"output {o + 1} ({type}";
            switch (type)
            {
                case "stream":
                    string name = output["name"]?.GetValue<string>() ?? "";
                    string text = Notebook.JoinedText(output["text"]);
                    while (o + 1 < outputs.Count && outputs[o + 1] is JsonObject next
                        && next["output_type"]?.GetValue<string>() == "stream" && next["name"]?.GetValue<string>() == name)
                    {
                        text += Notebook.JoinedText(next["text"]);
                        o++;
                    }
                    AddText(items, $"{label} {name})", text);
                    break;
                case "display_data" or "execute_result":
                    var data = output["data"] as JsonObject ?? [];
                    foreach (var (mime, value) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    {
                        if (mime == "image/png")
                        {
                            items.Add(new OutputItem($"{label} {mime})", null, Convert.FromBase64String(Notebook.JoinedText(value).Trim())));
                        }
                        else
                        {
                            AddText(items, $"{label} {mime})", value is JsonObject ? value.ToJsonString() : Notebook.JoinedText(value));
                        }
                    }
                    break;
                case "error":
                    AddText(items, $"{label})", $"{output["ename"]?.GetValue<string>()}: {output["evalue"]?.GetValue<string>()}\n{Notebook.JoinedText(output["traceback"])}");
                    break;
                default:
                    AddText(items, $"{label})", output.ToJsonString());
                    break;
            }
        }
        return items;
    }

    private static void AddText(List<OutputItem> items, string label, string text)
    {
        var images = new List<OutputItem>();
        string withoutImages = DataUri.Replace(text, match =>
        {
            images.Add(new OutputItem($"{label} image {images.Count + 1}", null, Convert.FromBase64String(match.Groups["data"].Value)));
            return $"data:image/png;base64,<image {images.Count}>";
        });
        items.Add(new OutputItem(label, withoutImages, null));
        items.AddRange(images);
    }
}
