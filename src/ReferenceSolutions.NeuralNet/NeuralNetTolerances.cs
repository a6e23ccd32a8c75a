using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.NeuralNet;

/// <summary>The tolerances of the neural-net checks that Core's <see cref="Tolerance.Float64Twin"/> does not cover, each with its reason.</summary>
public static class NeuralNetTolerances
{
    /// <summary>PLACEHOLDER.</summary>
    public static Tolerance TrajectoryLoss { get; } = new(nameof(TrajectoryLoss), 1e-8, "PLACEHOLDER");

    /// <summary>PLACEHOLDER.</summary>
    public static Tolerance TrajectoryParameters { get; } = new(nameof(TrajectoryParameters), 1e-8, "PLACEHOLDER");

    /// <summary>PLACEHOLDER.</summary>
    public static Tolerance TestOutputs { get; } = new(nameof(TestOutputs), 1e-8, "PLACEHOLDER");

    /// <summary>The floor of the finite-difference scale: each difference is divided by max(‖g‖∞ of its tensor, this).</summary>
    public const double FiniteDifferenceFloor = 1e-3;

    /// <summary>PLACEHOLDER.</summary>
    public static Tolerance FiniteDifference { get; } = new(nameof(FiniteDifference), 1e-6, "PLACEHOLDER");
}
