namespace ReferenceSolutions.Benchmarks.Surveys;

/// <summary>The tolerance surveys of the neuralnet solution.</summary>
internal static class NeuralNetSurveys
{
    public static IReadOnlyList<IToleranceSurvey> All { get; } = [];
}
