using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Build;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Cli.Diagnostics;

/// <summary>
/// Everything <c>refsol doctor</c> reports; <see cref="Usable"/> decides its exit code. <see cref="VectorWidth"/> is the
/// width in bits the hot kernels use (512, 256, or 64 for scalar), <see cref="VectorWidthHardware"/> the widest this CPU
/// accelerates, <see cref="VectorWidthNote"/> why a <c>REFSOL_VECTOR_WIDTH</c> request was refused (else absent).
/// </summary>
internal sealed record DoctorReport(
    string Dotnet,
    string Os,
    int Cpus,
    string Simd,
    int VectorWidth,
    int VectorWidthHardware,
    string? VectorWidthNote,
    string? Libstdcxx,
    string? LibstdcxxMaxGlibcxx,
    TorchSharpProbe TorchSharp,
    string MathNetProvider,
    string DataDirectory,
    IReadOnlyDictionary<string, bool> Datasets)
{
    /// <summary>True when every twin can run: TorchSharp loads and computes.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Usable => TorchSharp.Loaded;

    /// <summary>Why the suite is not usable, or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Reason => TorchSharp.Loaded ? null : $"TorchSharp does not load: {TorchSharp.Error}";

    public static DoctorReport Collect()
    {
        TorchSharpProbe torch = TorchSharpProbe.Run();
        string? libstdcxx = LoadedLibraries.Find("libstdc++.so") ?? (OperatingSystem.IsLinux() ? ElfSymbolVersions.FindSystemLibstdcxx() : null);
        string? maxGlibcxx = libstdcxx is null ? null : ElfSymbolVersions.MaxGlibcxx(libstdcxx) is Version v ? $"GLIBCXX_{v}" : null;
        string dataDirectory = Core.Data.DataDirectory.Resolve();
        return new DoctorReport(
            RuntimeInformation.FrameworkDescription,
            $"{RuntimeInformation.OSDescription} ({RuntimeInformation.RuntimeIdentifier})",
            Environment.ProcessorCount,
            $"Vector<double> = {Vector<double>.Count} lanes; Vector256 {(Vector256.IsHardwareAccelerated ? "accelerated" : "software")}; Vector512 {(Vector512.IsHardwareAccelerated ? "accelerated" : "software")}",
            (int)Core.Native.VectorWidth.Current,
            (int)Core.Native.VectorWidth.Hardware,
            Core.Native.VectorWidth.Note,
            libstdcxx,
            maxGlibcxx,
            torch,
            MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider.ToString() ?? "unknown",
            dataDirectory,
            KnownDataset.All.ToDictionary(d => d.Name, d => d.IsPresentIn(dataDirectory)));
    }
}
