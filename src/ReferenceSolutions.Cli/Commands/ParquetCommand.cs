using System.CommandLine;
using System.Globalization;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Recommender.Models;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol export parquet --model DIR --out FOLDER [--force]</c>: a saved rating model in Spark MLlib's ALSModel
/// layout (<see cref="SparkAlsExport"/>), written all or nothing. DIR is one rating model's folder, or a recommender
/// run folder (or its <c>models/</c>), which exports its ALS model. Exit 0 on success, 2 for a folder without such a
/// model, an id outside int32, or an output folder that cannot be written.
/// </summary>
internal static class ParquetCommand
{
    public static Command Create(CliIo io)
    {
        var model = new Option<string>("--model") { Description = $"One rating model's folder, or a recommender run folder (or its models/), which exports '{RecommenderModels.Als}'.", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write (Spark's ALSModel layout: metadata/, userFactors/, itemFactors/).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var parquet = new Command("parquet", "Export a saved rating model's factors as Parquet in Spark MLlib's ALSModel layout (ALSModel.load reads it).") { model, output, force };
        parquet.SetAction(parse => Export(io, parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(force)));
        return parquet;
    }

    private static int Export(CliIo io, string directory, string target, bool force)
    {
        (string folder, ModelManifest manifest) = File.Exists(Path.Combine(directory, ModelManifest.FileName))
            ? (directory, ModelManifest.Read(Path.Combine(directory, ModelManifest.FileName)))
            : RecommenderModels.Find(directory, RecommenderModels.Als, "export parquet takes a run folder's ALS model; give another model's folder to export that one");
        FactorScorer scorer = RecommenderModels.LoadFactors(folder, manifest).Scorer;
        using StagingFolder staging = StagingFolder.Create(target, force);
        SparkAlsExport.Write(staging.Path, manifest.Name, scorer, Path.Combine(folder, $"{RecommenderModels.ModelStem}.json"));
        staging.Commit();
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {staging.Target}: {manifest.Name}, {scorer.UserIds.Count:N0} users and {scorer.ItemIds.Count:N0} items at rank {scorer.Model.Factors + 2} (k = {scorer.Model.Factors} factors + μ + bᵤ and bᵢ folded in), Spark ALSModel layout"));
        return ExitCodes.Success;
    }
}
