namespace ReferenceSolutions.Cli;

/// <summary>The exit codes of <c>refsol</c>: a public contract, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and every check passed.</summary>
    public const int Success = 0;

    /// <summary>A parity or quality check failed, or the environment is unusable (doctor); results were still written.</summary>
    public const int CheckFailed = 1;

    /// <summary>A usage, input or filesystem error: one line <c>error: …</c> on stderr naming the path, line and field where there is one.</summary>
    public const int UsageOrInput = 2;

    /// <summary>A bug in refsol itself (an unexpected exception); <c>--verbose</c> shows the stack trace.</summary>
    public const int InternalError = 3;
}
