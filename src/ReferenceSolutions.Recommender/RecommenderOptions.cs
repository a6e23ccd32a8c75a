using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// What <c>refsol run recommender</c> is given: an optional MovieLens-layout ratings file (else the built-in seeded
/// data), an optional movies file, and the biased-MF hyper-parameters k, epochs, η and λ.
/// </summary>
public sealed record RecommenderOptions(
    string? RatingsPath = null,
    string? MoviesPath = null,
    int Factors = 32,
    int Epochs = 60,
    double LearningRate = 0.01,
    double Regularization = 0.1)
{
    /// <summary>Throws <see cref="UserInputException"/> for values no run can use.</summary>
    public void Validate()
    {
        if (Factors < 1 || Factors > 1000)
        {
            throw new UserInputException($"--factors must be in 1..1000, not {Factors}");
        }
        if (Epochs < 1 || Epochs > 10_000)
        {
            throw new UserInputException($"--epochs must be in 1..10000, not {Epochs}");
        }
        if (!(LearningRate > 0.0 && LearningRate < 1.0))
        {
            throw new UserInputException($"--lr must be in (0, 1), not {LearningRate}");
        }
        if (!(Regularization >= 0.0 && double.IsFinite(Regularization)))
        {
            throw new UserInputException($"--reg must be a finite number ≥ 0, not {Regularization}");
        }
    }
}
