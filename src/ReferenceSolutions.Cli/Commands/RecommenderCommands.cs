using System.CommandLine;
using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender;
using ReferenceSolutions.Recommender.Models;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Selection;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>run recommender</c>, <c>verify svd</c>, <c>verify pca</c> and <c>recommend</c>: options parsed here, the work
/// done by ReferenceSolutions.Recommender.
/// </summary>
internal static class RecommenderCommands
{
    public static SolutionCommands Create(CliIo io)
    {
        var solution = new RecommenderSolution();
        Option<string?> ratings = Ratings();
        Option<string?> movies = Movies();
        Option<int?> factors = Factors();
        var epochs = new Option<int?>("--epochs") { Description = $"MF-SGD epochs, 1..{RecommenderOptions.MaxEpochs}; fixed when given, else chosen on the validation split among 1..{SelectionGrid.SgdMaxEpochs}." };
        var lr = new Option<double?>("--lr") { Description = $"MF-SGD learning rate η in (0, 1) (default {RecommenderOptions.DefaultLearningRate.ToString(CultureInfo.InvariantCulture)}; never searched)." };
        var reg = new Option<double?>("--reg") { Description = $"MF-SGD's L2 regularisation λ, 0 ≤ λ < 1/η; fixed when given, else chosen on the validation split from {Grid(SelectionGrid.SgdLambdas)}." };
        var alsReg = new Option<double?>("--als-reg") { Description = $"ALS's weighted λ in [{RecommenderOptions.MinAlsRegularization.ToString(CultureInfo.InvariantCulture)}, {RecommenderOptions.MaxAlsRegularization.ToString(CultureInfo.InvariantCulture)}]; fixed when given, else chosen on the validation split from {Grid(SelectionGrid.AlsLambdas)}." };
        var alsEpochs = new Option<int?>("--als-epochs") { Description = $"ALS epochs, 1..{RecommenderOptions.MaxAlsEpochs}; fixed when given, else chosen on the validation split among 1..{SelectionGrid.AlsMaxEpochs}." };
        var biasReg = new Option<double?>("--bias-reg") { Description = $"The bias baseline's λ; fixed when given, else chosen on the validation split from {Grid(SelectionGrid.BiasLambdas)}." };
        var run = RunCommands.ForSolution(io, solution.Name, solution.Summary, [ratings, movies, factors, epochs, lr, reg, alsReg, alsEpochs, biasReg], (parse, context) =>
            RecommenderRun.Execute(context, new RecommenderOptions(parse.GetValue(ratings), parse.GetValue(movies), parse.GetValue(factors), parse.GetValue(epochs),
                parse.GetValue(lr), parse.GetValue(reg), parse.GetValue(alsReg), parse.GetValue(alsEpochs), parse.GetValue(biasReg))));

        var svdInput = Input("A matrix as CSV, numbers only, no header.");
        var verifySvd = VerifyCommands.ForCheck(io, "svd", "Singular values of A by one-sided Jacobi (from scratch), torch.linalg.svd and MathNet, compared; each checked against A = UΣVᵀ, UᵀU = I, VᵀV = I.", [svdInput], parse =>
        {
            string path = parse.GetValue(svdInput)!;
            return Verification.Svd(Verification.ReadMatrix(path), [new JacobiSvd(), new TorchSvd(), new MathNetSvd()], path);
        });

        var pcaInput = Input("Data X as CSV (rows = samples), numbers only, no header.");
        var components = new Option<int>("--components") { Description = "K, the number of principal components.", Required = true };
        var verifyPca = VerifyCommands.ForCheck(io, "pca", "Explained variance σᵢ²/(n − 1) and principal axes by the from-scratch SVD, torch and ML.NET, compared (ML.NET: subspace angle over the eigen-gap).", [pcaInput, components], parse =>
        {
            string path = parse.GetValue(pcaInput)!;
            return Verification.Pca(Verification.ReadMatrix(path), parse.GetValue(components), path, RecommenderRun.MLNetSeed(CommonOptions.DefaultSeed));
        });

        return new SolutionCommands(solution, run, [verifySvd, verifyPca], [Recommend(io)]);
    }

    private static Command Recommend(CliIo io)
    {
        var user = new Option<long>("--user") { Description = "The user id to recommend for.", Required = true };
        var top = new Option<int>("--top") { Description = "How many items to list.", DefaultValueFactory = _ => 10 };
        Option<string?> ratings = Ratings();
        Option<string?> movies = Movies();
        Option<ulong> seed = CommonOptions.Seed();
        Option<int?> factors = Factors();
        var intervals = new Option<double?>("--intervals") { Description = "Also print each item's central predictive interval at this level, 0.8 or 0.95 (the levels whose coverage `run recommender` measures): the weighted-λ ALS user half-step's posterior around MF-SGD's item side, clipped to the rating range." };
        var model = new Option<string?>("--model") { Description = "A run folder (or its models/): rank with its saved MF-SGD, no training, exactly as its recommendations.csv (predictions printed in shortest round-trip form); an unknown user gets the cold-start list of its saved bias baseline. --ratings, --factors, --seed and --intervals train and are refused with it; --movies still adds titles." };
        var command = new Command("recommend", "Choose MF-SGD's λ and epochs on a validation split, refit on all ratings and print a user's top-N unrated items with predicted ratings (clipped to the rating range); a user without ratings gets the non-personalised list, with a note on stderr. With --model, a run's saved factors instead (no training). Exit 1 when MF-SGD diverges.")
        {
            user, top, ratings, movies, seed, factors, intervals, model,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(model) is string directory)
            {
                return RecommendFromModel(io, parse, directory, user, top, movies, [ratings, factors, seed, intervals]);
            }
            var options = new RecommenderOptions(Factors: parse.GetValue(factors));
            double? level = parse.GetValue(intervals);
            RecommendationList list = TopN.Recommend(parse.GetValue(ratings), parse.GetValue(movies), parse.GetValue(user), parse.GetValue(top), parse.GetValue(seed), options, level);
            if (list.Failure is not null)
            {
                io.Error.WriteLine($"error: {Echo.Message(list.Failure)}");
                return ExitCodes.CheckFailed;
            }
            if (list.Notice is not null)
            {
                io.Error.WriteLine($"note: {Echo.Message(list.Notice)}");
            }
            foreach (Recommendation r in list.Items)
            {
                string title = string.IsNullOrEmpty(r.Title) ? "" : $"  {Echo.Message(r.Title)}";
                string interval = r.Low is double low && r.High is double high && level is double l
                    ? string.Create(CultureInfo.InvariantCulture, $"  {l:P0} interval [{low:0.000}, {high:0.000}]")
                    : "";
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Rank,3}. item {r.ItemId,-7} predicted {r.PredictedRating:0.000}{interval}{title}"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// <c>recommend --model DIR</c>: the saved MF-SGD's list (<see cref="ModelRecommendations"/>), each predicted rating
    /// in shortest round-trip form so that it reads digit for digit as in recommendations.csv.
    /// </summary>
    private static int RecommendFromModel(CliIo io, ParseResult parse, string directory, Option<long> user, Option<int> top, Option<string?> movies, Option[] training)
    {
        foreach (Option option in training)
        {
            if (parse.GetResult(option) is { Implicit: false })
            {
                throw new UserInputException($"{option.Name} trains a model; with --model the saved factors are used as they are (leave {option.Name} out)");
            }
        }
        IReadOnlyDictionary<long, string>? titles = parse.GetValue(movies) is string path ? MovieTitles.Read(path) : null;
        RecommendationList list = ModelRecommendations.Load(directory).For(parse.GetValue(user), parse.GetValue(top), titles);
        if (list.Notice is not null)
        {
            io.Error.WriteLine($"note: {Echo.Message(list.Notice)}");
        }
        foreach (Recommendation r in list.Items)
        {
            string title = string.IsNullOrEmpty(r.Title) ? "" : $"  {Echo.Message(r.Title)}";
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Rank,3}. item {r.ItemId,-7} predicted {r.PredictedRating:R}{title}"));
        }
        return ExitCodes.Success;
    }

    private static string Grid(IReadOnlyList<double> values) => "{" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "}";

    private static Option<int?> Factors() => new("--factors") { Description = $"k, latent factors of the matrix factorizations, 1..{RecommenderOptions.MaxFactors}, at most min(users, items) and (users + items)·k ≤ {RecommenderOptions.MaxFactorEntries} (default {RecommenderOptions.DefaultFactors}; never searched)." };

    private static Option<string?> Ratings() => new("--ratings") { Description = "Ratings file: CSV with header userId,movieId,rating[,…] (MovieLens layout), or Parquet with those columns (told by its PAR1 magic bytes; ids INT32/INT64, rating INT32/INT64/FLOAT/DOUBLE); default: built-in seeded planted-rank data." };

    private static Option<string?> Movies() => new("--movies") { Description = "Movies CSV with header movieId,title[,…] for titles." };

    private static Option<string> Input(string description) => new("--input") { Description = description, Required = true };
}
