namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>A model of ratings: r̂ᵤᵢ for user index u and item index i.</summary>
public interface IRatingModel
{
    /// <summary>The predicted rating r̂ᵤᵢ.</summary>
    double Predict(int user, int item);
}
