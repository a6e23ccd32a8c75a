using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// Sets MKL_CBWR for this test process before libtorch starts, as <c>refsol</c> does at its entry point: without it MKL
/// picks kernels by memory alignment, and a TorchSharp module loaded into other memory gives other last bits, so the
/// saved-model round trip (bit for bit in refsol) would not be.
/// </summary>
internal static class ReproducibleMkl
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the setting must precede libtorch's first call, as in refsol's Main.")]
    internal static void Configure() => NumericalReproducibility.Configure();
}
