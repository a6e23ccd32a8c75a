using System.Runtime.InteropServices;

namespace ReferenceSolutions.Core.Native;

/// <summary>
/// Makes the MKL inside libtorch return the same bits on every run on one machine. Without it MKL picks code paths by
/// memory alignment, so a TorchSharp result can move in its last digits between processes (seen: 1e-13 in a log-loss).
/// MKL reads <c>MKL_CBWR</c> (Conditional Numerical Reproducibility) once, when it initialises, so this must run
/// before the first torch call; <c>AUTO,STRICT</c> keeps the fastest code path the CPU supports.
/// Derivation: docs/core.md#reproducible-torchsharp.
/// </summary>
public static class NumericalReproducibility
{
    /// <summary>The MKL setting applied.</summary>
    public const string MklCbwr = "AUTO,STRICT";

    /// <summary>Sets <c>MKL_CBWR</c> in the native process environment unless the user has set it already (Linux and macOS).</summary>
    public static void Configure()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = NativeMethods.setenv("MKL_CBWR", MklCbwr, 0);
        }
        else
        {
            Environment.SetEnvironmentVariable("MKL_CBWR", Environment.GetEnvironmentVariable("MKL_CBWR") ?? MklCbwr);
        }
    }

    private static class NativeMethods
    {
        /// <summary>POSIX setenv: .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach native getenv on Unix.</summary>
        [DllImport("libc", EntryPoint = "setenv")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
    }
}
