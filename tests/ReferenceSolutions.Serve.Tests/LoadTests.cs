using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using ReferenceSolutions.Serve.Load;

namespace ReferenceSolutions.Serve.Tests;

/// <summary>
/// Real Kestrel on an ephemeral 127.0.0.1 port: 32 concurrent clients over the three model endpoints, zero errors and
/// every answer byte-identical to the single-threaded one. The test sends 32 × 500 = 16,000 requests (≈ 3 s here) to stay within
/// the suite's time budget; <c>refsol bench --only serve</c> runs the full 32 × 2,000 (docs/benchmarks.md).
/// </summary>
[Collection(ServeRuns.Name)]
public sealed class LoadTests(ServeFixture serve)
{
    private const int Clients = 32, RequestsPerClient = 500;

    [Fact]
    public async Task Concurrent_clients_get_no_errors_and_the_single_threaded_answers()
    {
        await using WebApplication app = ServeApp.Create(["--urls", "http://127.0.0.1:0"], new ServeOptions([serve.Fraud, serve.NeuralNet, serve.Recommender], serve.Runs));
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        ServedModels models = (ServedModels)app.Services.GetService(typeof(ServedModels))!;
        IReadOnlyList<LoadRequest> mix = ServeLoad.Mix(models, 7);
        Assert.Equal(["GET", "POST /v1/digits/classify", "POST /v1/fraud/score"], mix.Select(r => r.Method == "GET" ? "GET" : $"{r.Method} {r.Path.Split('?')[0]}").Distinct().Order());
        LoadResult result = await ServeLoad.RunAsync(address, mix, Clients, RequestsPerClient);
        Assert.True(result.Errors == 0 && result.Mismatches == 0, $"{result.Errors} errors, {result.Mismatches} mismatches; first: {result.FirstFailure}");
        Assert.Equal(Clients * RequestsPerClient, result.Requests);
        await app.StopAsync();
    }

    [Fact]
    public async Task Kestrel_resolves_dot_segments_before_the_runs_folder_sees_the_path()
    {
        string secret = Path.Combine(serve.Folder, "secret.txt");
        File.WriteAllText(secret, "secret-beside-runs");
        await using WebApplication app = ServeApp.Create(["--urls", "http://127.0.0.1:0"], new ServeOptions([serve.Fraud], serve.Runs));
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        foreach (string path in new[] { "/runs/../secret.txt", "/runs/%2e%2e/secret.txt", "/runs/%2E%2E%2Fsecret.txt", "/runs/fraud/../../secret.txt" })
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(address.Host, address.Port);
            await using NetworkStream stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            using var reader = new StreamReader(stream);
            string answer = await reader.ReadToEndAsync();
            Assert.StartsWith("HTTP/1.1 404", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-beside-runs", answer, StringComparison.Ordinal);
        }
        await app.StopAsync();
    }
}
