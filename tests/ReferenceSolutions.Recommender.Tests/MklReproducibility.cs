using System.Runtime.CompilerServices;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Sets MKL's conditional numerical reproducibility (<see cref="NumericalReproducibility"/>) when this test assembly
/// loads, before any test touches torch — as <c>refsol</c> does at start-up. Without it MKL picks code paths by memory
/// alignment, and two runs in one process could save TorchSharp twins that differ in their last bits
/// (<see cref="SavedModelFileTests.TheSameSeedSavesTheSameBytes"/> saw it once in a full parallel test run).
/// </summary>
internal static class MklReproducibility
{
#pragma warning disable CA2255 // a test assembly is loaded once per test process, and MKL reads MKL_CBWR only once, at its first call
    [ModuleInitializer]
    internal static void Configure() => NumericalReproducibility.Configure();
#pragma warning restore CA2255
}
