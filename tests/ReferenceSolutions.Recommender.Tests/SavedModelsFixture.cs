using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// One <c>run recommender</c> on small planted ratings with every hyper-parameter fixed (nothing selected), its run
/// folder (models/ included) and the in-memory models it saved, shared by the saved-model tests.
/// </summary>
public sealed class SavedModelsFixture : IDisposable
{
    /// <summary>Ratings file, run folder and models of the shared run (seed 7).</summary>
    public SavedModelsFixture()
    {
        Folder = Directory.CreateTempSubdirectory("refsol-saved-models-").FullName;
        All = TestRatings.Planted(60, 45, 0.35, 11);
        RatingsPath = Path.Combine(Folder, "ratings.csv");
        RatingsFile.Write(RatingsPath, All);
        RunFolder = Path.Combine(Folder, "run");
        RecommenderRun.Execute(new RunContext(Seed, RunFolder, SilentProgress.Instance), Options, models => InRun = models);
    }

    /// <summary>The run's seed.</summary>
    public const ulong Seed = 7;

    /// <summary>The fixed options (k = 4, no selection).</summary>
    public RecommenderOptions Options => new(RatingsPath, Factors: 4, Epochs: 20, Regularization: 0.05, AlsRegularization: 0.1, AlsEpochs: 5, BiasRegularization: 1.0);

    /// <summary>The temporary folder holding everything.</summary>
    public string Folder { get; }

    /// <summary>All ratings, as the run read them (ids ascending).</summary>
    public RatingSet All { get; }

    /// <summary>The ratings CSV the run read.</summary>
    public string RatingsPath { get; }

    /// <summary>The run folder.</summary>
    public string RunFolder { get; }

    /// <summary>The models as they were in the run.</summary>
    internal RecommenderRun.InRunModels InRun { get; private set; } = null!;

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
