namespace ReferenceSolutions.Serve.Recommendations;

/// <summary>
/// The answer of <c>GET /v1/recommendations/{userId}</c>: the model, the user, whether the list is the cold-start list
/// (the user is unknown to the model: the most-rated items ranked by μ + bᵢ of the bias baseline, not personalised),
/// the model's notice when the list is not personalised or empty, and the items, best first.
/// </summary>
public sealed record RecommendationResponse(string Model, long UserId, bool ColdStart, string? Notice, IReadOnlyList<RecommendedItem> Items);

/// <summary>One recommended item: its rank (1 = best), id and predicted rating (clipped to the rating range).</summary>
public sealed record RecommendedItem(int Rank, long ItemId, double PredictedRating);
