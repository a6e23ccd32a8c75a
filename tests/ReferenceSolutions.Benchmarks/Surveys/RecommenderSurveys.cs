namespace ReferenceSolutions.Benchmarks.Surveys;

/// <summary>The tolerance surveys of the recommender solution.</summary>
internal static class RecommenderSurveys
{
    public static IReadOnlyList<IToleranceSurvey> All { get; } = [];
}
