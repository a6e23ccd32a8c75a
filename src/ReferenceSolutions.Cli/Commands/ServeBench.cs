using Microsoft.AspNetCore.Builder;
using ReferenceSolutions.Serve;
using ReferenceSolutions.Serve.Load;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol bench --only serve --model DIR...</c>: the API of <c>refsol serve</c> on Kestrel at an ephemeral
/// 127.0.0.1 port, loaded by <see cref="ServeLoad"/> with 32 concurrent clients × 2,000 requests mixed over the three
/// model endpoints (after one warm-up round of 32 × 100), in this process: requests per second, p50 and p99 latency,
/// and the errors and mismatches (answers differing from the single-threaded ones), which must both be 0.
/// </summary>
internal static class ServeBench
{
    public const string Name = "serve";

    public const int Clients = 32;

    public const int RequestsPerClient = 2000;

    /// <summary>Runs the load; <paramref name="models"/> as <c>refsol serve --model</c> takes them.</summary>
    public static LoadResult Run(IReadOnlyList<string> models) => RunAsync(models).GetAwaiter().GetResult();

    private static async Task<LoadResult> RunAsync(IReadOnlyList<string> models)
    {
        await using WebApplication app = ServeApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], new ServeOptions(models, ServeOptions.DefaultRuns));
        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Urls.Single());
        IReadOnlyList<LoadRequest> mix = ServeLoad.Mix((ServedModels)app.Services.GetService(typeof(ServedModels))!, 7);
        await ServeLoad.RunAsync(address, mix, Clients, 100).ConfigureAwait(false);
        LoadResult result = await ServeLoad.RunAsync(address, mix, Clients, RequestsPerClient).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return result;
    }
}
