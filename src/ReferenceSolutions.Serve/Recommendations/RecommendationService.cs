using ReferenceSolutions.Recommender;
using ReferenceSolutions.Recommender.Models;

namespace ReferenceSolutions.Serve.Recommendations;

/// <summary>
/// The served recommender: MF-SGD's saved factors, the items each user rated and the bias baseline
/// (<see cref="ModelRecommendations"/>, the code behind <c>refsol recommend --model</c>, so the two agree bit for bit),
/// loaded once and read-only afterwards, so concurrent requests share it. A user MF-SGD does not know gets the
/// cold-start list, marked <c>coldStart: true</c>.
/// </summary>
internal sealed class RecommendationService(ModelRecommendations model)
{
    /// <summary>The model that ranks known users.</summary>
    public const string Name = RecommenderModels.MfSgd;

    /// <summary>The most items one request may ask for.</summary>
    public const int MaxTop = 1000;

    private readonly HashSet<long> _users = [.. model.UserIds];

    /// <summary>How many users the model knows.</summary>
    public int Users => _users.Count;

    /// <summary>The first <paramref name="count"/> known user ids, for the page's user picker.</summary>
    public IReadOnlyList<long> ExampleUsers(int count) => [.. model.UserIds.Take(count)];

    /// <summary>The top <paramref name="top"/> of <paramref name="userId"/>.</summary>
    public RecommendationResponse For(long userId, int top)
    {
        RecommendationList list = model.For(userId, top, null);
        return new RecommendationResponse(Name, userId, !_users.Contains(userId), list.Notice,
            [.. list.Items.Select(r => new RecommendedItem(r.Rank, r.ItemId, r.PredictedRating))]);
    }
}
