using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Benchmarks.Surveys;

/// <summary>
/// The measurement behind a tolerance set by <see cref="Tolerance.FromSurvey"/>: the quantity the tolerance bounds,
/// measured once per seed on the data the check runs on. <c>survey</c> runs it over seeds 1..S and prints the largest
/// value, the factor and the tolerance they imply beside the tolerance in use.
/// </summary>
internal interface IToleranceSurvey
{
    /// <summary>The survey's name, quoted in the tolerance's reason.</summary>
    string Name { get; }

    /// <summary>The tolerance in use.</summary>
    Tolerance Tolerance { get; }

    /// <summary>The stated factor between the largest measurement and the tolerance.</summary>
    double Factor { get; }

    /// <summary>The quantity for one seed.</summary>
    double Measure(ulong seed);
}
