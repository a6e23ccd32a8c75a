using System.Diagnostics;
using System.Globalization;

namespace ReferenceSolutions.Cli.Tests.Hostile;

/// <summary>
/// Runs <c>refsol</c> as a child process (the build's refsol.dll beside the test assembly), with a time limit, and
/// samples its resident set every 50 ms (VmHWM, the kernel's high-water mark) so that a test can bound peak memory.
/// </summary>
internal static class ChildRefsol
{
    /// <summary>What a child run did: its exit code (−1 when it was killed at the limit), output, peak RSS and time.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, long PeakBytes, TimeSpan Elapsed)
    {
        public double PeakMegabytes => PeakBytes / (1024.0 * 1024.0);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"exit {ExitCode}, peak {PeakMegabytes:0} MB, {Elapsed.TotalSeconds:0.0} s\nstdout: {Stdout}\nstderr: {Stderr}");
    }

    public static Outcome Run(TimeSpan limit, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "refsol.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        bool killed = false;
        while (!process.WaitForExit(50))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            if (clock.Elapsed > limit)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                process.WaitForExit();
                break;
            }
        }
        return new Outcome(killed ? -1 : process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), peak, clock.Elapsed);
    }

    /// <summary>VmHWM of the process in bytes (0 once it has exited).</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd(" kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }
}
