namespace ReferenceSolutions.Benchmarks.Surveys;

/// <summary>The tolerance surveys of the fraud solution.</summary>
internal static class FraudSurveys
{
    public static IReadOnlyList<IToleranceSurvey> All { get; } = [];
}
