namespace ReferenceSolutions.Workloads;

/// <summary>Every pair of docs/benchmarks.md, in the order <c>refsol bench</c> prints them.</summary>
public static class BenchWorkloads
{
    /// <summary>The public names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["gemm-512", "mlp-step-b32", "mlp-step-b1024", "mf-sgd-epoch", "logreg-fit", "svd-500x200", "auc-1m"];

    /// <summary>Builds the named workload (inputs drawn from fixed seeds).</summary>
    public static IBenchWorkload Create(string name) => name switch
    {
        "gemm-512" => new GemmWorkload(512),
        "mlp-step-b32" => new MlpStepWorkload(32),
        "mlp-step-b1024" => new MlpStepWorkload(1024),
        "mf-sgd-epoch" => new MfSgdEpochWorkload(),
        "logreg-fit" => new LogisticFitWorkload(),
        "svd-500x200" => new SvdWorkload(500, 200),
        "auc-1m" => new AucWorkload(1_000_000),
        _ => throw new ArgumentException($"unknown benchmark '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
