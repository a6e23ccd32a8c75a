using System.Reflection;
using ReferenceSolutions.Build;
using static TorchSharp.torch;

namespace ReferenceSolutions.Cli.Diagnostics;

/// <summary>Whether TorchSharp's native library loads here, which file was loaded, and whether the build's weak-version fix is in it.</summary>
internal sealed record TorchSharpProbe(bool Loaded, string? Error, string? NativeLibrary, string WeakVersion, bool? WeakFixApplied)
{
    private const string NativeName = "libLibTorchSharp.so";
    private static readonly double[] OneTwoThree = [1.0, 2.0, 3.0];

    /// <summary>Loads TorchSharp (once per process) and computes a float64 sum to check that it works.</summary>
    public static TorchSharpProbe Run()
    {
        string weakVersion = typeof(TorchSharpProbe).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TorchSharpWeakVersion").Value ?? "";
        string? error = null;
        try
        {
            using var x = tensor(OneTwoThree, dtype: ScalarType.Float64);
            using var sum = x.sum();
            double value = sum.item<double>();
            if (value != 6.0)
            {
                error = $"torch.sum([1, 2, 3]) returned {value}";
            }
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or InvalidOperationException or System.Runtime.InteropServices.ExternalException)
        {
            error = (e.InnerException ?? e).Message.Split('\n')[0];
        }
        string? native = LoadedLibraries.Find(NativeName) ?? FindInOutput();
        bool? weak = null;
        if (native is not null && OperatingSystem.IsLinux())
        {
            weak = ElfSymbolVersions.ReadNeeds(native).FirstOrDefault(n => n.Name == weakVersion)?.IsWeak;
        }
        return new TorchSharpProbe(error is null, error, native, weakVersion, weak);
    }

    private static string? FindInOutput() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, NativeName, SearchOption.AllDirectories).FirstOrDefault();
}
