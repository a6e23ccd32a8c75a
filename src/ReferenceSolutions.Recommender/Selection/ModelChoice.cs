using ReferenceSolutions.Core.Evaluation;

namespace ReferenceSolutions.Recommender.Selection;

/// <summary>
/// The bias baseline's λ: chosen on the validation split from <see cref="SelectionGrid.BiasLambdas"/>
/// (<see cref="Searched"/>) or given; <see cref="Candidates"/> holds every value tried with its validation RMSE.
/// </summary>
public sealed record BiasChoice(double Lambda, bool Searched, IReadOnlyList<Candidate> Candidates);

/// <summary>
/// A matrix-factorization trainer's λ and epoch count, each either chosen on the validation split or given;
/// <see cref="Candidates"/> holds every (λ, epochs) tried with its validation RMSE, and <see cref="Curves"/> the
/// validation RMSE after every epoch for each λ tried (empty when nothing was searched).
/// </summary>
public sealed record MfChoice(double Lambda, int Epochs, bool LambdaSearched, bool EpochsSearched, IReadOnlyList<Candidate> Candidates, IReadOnlyList<ValidationCurve> Curves)
{
    /// <summary>True when λ or the epoch count was chosen on validation.</summary>
    public bool Searched => LambdaSearched || EpochsSearched;
}

/// <summary>The validation RMSE (clipped predictions) after epochs 1, 2, … for one λ.</summary>
public sealed record ValidationCurve(double Lambda, IReadOnlyList<double> Rmse);
