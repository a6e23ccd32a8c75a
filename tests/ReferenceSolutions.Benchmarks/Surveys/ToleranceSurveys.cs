using System.Globalization;

namespace ReferenceSolutions.Benchmarks.Surveys;

/// <summary>
/// <c>ReferenceSolutions.Benchmarks survey [--seeds S] [NAME…]</c>: every registered <see cref="IToleranceSurvey"/>
/// (or those named) over seeds 1..S (default 20), one line each: the largest value, the factor, factor × largest and the
/// tolerance in use. Exit 1 when a tolerance in use is below what its survey implies (it would fail on some seed).
/// </summary>
internal static class ToleranceSurveys
{
    /// <summary>Every survey of every solution.</summary>
    public static IReadOnlyList<IToleranceSurvey> All { get; } = [.. RecommenderSurveys.All, .. NeuralNetSurveys.All, .. FraudSurveys.All];

    public static int Run(string[] args)
    {
        int seeds = Core.Reporting.Tolerance.MinimumSurveySeeds;
        var names = new List<string>();
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] == "--seeds" && a + 1 < args.Length)
            {
                seeds = int.Parse(args[++a], CultureInfo.InvariantCulture);
            }
            else
            {
                names.Add(args[a]);
            }
        }
        int exit = 0;
        foreach (IToleranceSurvey survey in All.Where(s => names.Count == 0 || names.Contains(s.Name)))
        {
            double largest = 0;
            for (ulong seed = 1; seed <= (ulong)seeds; seed++)
            {
                double value = survey.Measure(seed);
                largest = double.IsFinite(value) ? Math.Max(largest, value) : double.NaN;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {survey.Name} seed {seed}: {value:R}"));
            }
            double implied = largest * survey.Factor;
            bool ok = double.IsFinite(implied) && survey.Tolerance.Value >= implied;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{survey.Name}: largest over {seeds} seeds {largest:0.###e+0}; × {survey.Factor} = {implied:0.###e+0}; tolerance {survey.Tolerance.Name} = {survey.Tolerance.Value:0.###e+0} {(ok ? "ok" : "BELOW THE SURVEY")}"));
            exit |= ok ? 0 : 1;
        }
        return exit;
    }
}
