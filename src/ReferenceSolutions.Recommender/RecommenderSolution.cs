using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Models;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// The recommender solution: SVD, PCA and biased matrix factorization (SGD and ALS) from scratch beside their
/// TorchSharp, ML.NET and (in tests) MathNet twins, on seeded planted-rank ratings or MovieLens.
/// </summary>
public sealed class RecommenderSolution : IScoringSolution
{
    /// <inheritdoc/>
    public string Name => "recommender";

    /// <inheritdoc/>
    public string Summary => "SVD, PCA and biased matrix factorization (SGD, ALS) from scratch vs TorchSharp, ML.NET and MathNet, on ratings";

    /// <inheritdoc/>
    public RunReport Run(RunContext context) => RecommenderRun.Execute(context, new RecommenderOptions());

    /// <inheritdoc/>
    public ScoreOutput Score(ScoreRequest request) => RecommenderScoring.Score(request);

    /// <inheritdoc/>
    public IReadOnlyList<string> GenerateData(string directory, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "ratings.csv");
        RatingsFile.Write(path, SyntheticRatings.Generate(seed));
        return [path];
    }
}
