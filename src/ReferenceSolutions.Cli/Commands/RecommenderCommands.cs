using System.CommandLine;
using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender;
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
        var defaults = new RecommenderOptions();
        Option<string?> ratings = Ratings();
        Option<string?> movies = Movies();
        var factors = new Option<int>("--factors") { Description = "k, latent factors of the matrix factorization.", DefaultValueFactory = _ => defaults.Factors };
        var epochs = new Option<int>("--epochs") { Description = "SGD epochs over the training ratings.", DefaultValueFactory = _ => defaults.Epochs };
        var lr = new Option<double>("--lr") { Description = "SGD learning rate η.", DefaultValueFactory = _ => defaults.LearningRate };
        var reg = new Option<double>("--reg") { Description = "L2 regularisation λ of MF-SGD.", DefaultValueFactory = _ => defaults.Regularization };
        var run = RunCommands.ForSolution(io, solution.Name, solution.Summary, [ratings, movies, factors, epochs, lr, reg], (parse, context) =>
            RecommenderRun.Execute(context, new RecommenderOptions(parse.GetValue(ratings), parse.GetValue(movies), parse.GetValue(factors), parse.GetValue(epochs), parse.GetValue(lr), parse.GetValue(reg))));

        var svdInput = Input("A matrix as CSV, numbers only, no header.");
        var verifySvd = VerifyCommands.ForCheck(io, "svd", "Singular values and reconstruction error of A by one-sided Jacobi (from scratch), torch.linalg.svd and MathNet.", [svdInput], parse =>
            Verification.Svd(Verification.ReadMatrix(parse.GetValue(svdInput)!), [new JacobiSvd(), new TorchSvd(), new MathNetSvd()]));

        var pcaInput = Input("Data X as CSV (rows = samples), numbers only, no header.");
        var components = new Option<int>("--components") { Description = "K, the number of principal components.", Required = true };
        var verifyPca = VerifyCommands.ForCheck(io, "pca", "Explained variance σᵢ²/(n − 1) and principal axes by the from-scratch SVD, torch and ML.NET.", [pcaInput, components], parse =>
        {
            string path = parse.GetValue(pcaInput)!;
            return Verification.Pca(Verification.ReadMatrix(path), parse.GetValue(components), path, RecommenderRun.MLNetSeed(CommonOptions.DefaultSeed));
        });

        return new SolutionCommands(solution, run, [verifySvd, verifyPca], [Recommend(io, defaults)]);
    }

    private static Command Recommend(CliIo io, RecommenderOptions defaults)
    {
        var user = new Option<long>("--user") { Description = "The user id to recommend for.", Required = true };
        var top = new Option<int>("--top") { Description = "How many items to list.", DefaultValueFactory = _ => 10 };
        Option<string?> ratings = Ratings();
        Option<string?> movies = Movies();
        Option<ulong> seed = CommonOptions.Seed();
        var command = new Command("recommend", "Train biased MF on all ratings and print a user's top-N unrated items with predicted ratings.")
        {
            user, top, ratings, movies, seed,
        };
        command.SetAction(parse =>
        {
            IReadOnlyList<Recommendation> list = TopN.Recommend(parse.GetValue(ratings), parse.GetValue(movies), parse.GetValue(user), parse.GetValue(top), parse.GetValue(seed), defaults);
            foreach (Recommendation r in list)
            {
                string title = r.Title is null ? "" : $"  {r.Title}";
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Rank,3}. item {r.ItemId,-7} predicted {r.PredictedRating:0.000}{title}"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string?> Ratings() => new("--ratings") { Description = "Ratings CSV with header userId,movieId,rating[,…] (MovieLens layout); default: built-in seeded planted-rank data." };

    private static Option<string?> Movies() => new("--movies") { Description = "Movies CSV with header movieId,title[,…] for titles." };

    private static Option<string> Input(string description) => new("--input") { Description = description, Required = true };
}
