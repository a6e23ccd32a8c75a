using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ReferenceSolutions.Serve.Digits;

namespace ReferenceSolutions.Serve.Load;

/// <summary>
/// The loopback load of <c>refsol bench --only serve</c> and the load test: a mix of requests over the three model
/// endpoints (<see cref="Mix"/>), first sent one at a time to record each answer, then by C concurrent clients, each
/// sending its R requests one after another (client c's r-th request is mix[(c·7919 + r) mod |mix|]); every answer
/// must be 200 and byte-identical to the single-threaded one.
/// </summary>
public static class ServeLoad
{
    /// <summary>Runs the load against <paramref name="server"/> (an http://127.0.0.1 address).</summary>
    public static async Task<LoadResult> RunAsync(Uri server, IReadOnlyList<LoadRequest> mix, int clients, int requestsPerClient)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(mix);
        if (!server.IsLoopback)
        {
            throw new ArgumentException($"{server} is not a loopback address: the load runs over 127.0.0.1 only", nameof(server));
        }
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = server };
        byte[][] expected = new byte[mix.Count][];
        for (int k = 0; k < mix.Count; k++)
        {
            (HttpStatusCode status, byte[] body) = await SendAsync(http, mix[k]).ConfigureAwait(false);
            expected[k] = status == HttpStatusCode.OK
                ? body
                : throw new InvalidOperationException($"{mix[k].Method} {mix[k].Path}: {(int)status} {Encoding.UTF8.GetString(body)}");
        }
        double[] latencies = new double[clients * requestsPerClient];
        int errors = 0, mismatches = 0;
        string? first = null;
        long start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (c, _) =>
        {
            for (int r = 0; r < requestsPerClient; r++)
            {
                int k = (int)(((long)c * 7919 + r) % mix.Count);
                long sent = Stopwatch.GetTimestamp();
                string? failure = null;
                try
                {
                    (HttpStatusCode status, byte[] body) = await SendAsync(http, mix[k]).ConfigureAwait(false);
                    if (status != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        failure = $"{mix[k].Method} {mix[k].Path}: {(int)status} {Encoding.UTF8.GetString(body)}";
                    }
                    else if (!body.AsSpan().SequenceEqual(expected[k]))
                    {
                        Interlocked.Increment(ref mismatches);
                        failure = $"{mix[k].Method} {mix[k].Path}: the answer differs from the single-threaded one";
                    }
                }
                catch (HttpRequestException e)
                {
                    Interlocked.Increment(ref errors);
                    failure = $"{mix[k].Method} {mix[k].Path}: {e.Message}";
                }
                latencies[(c * requestsPerClient) + r] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (failure is not null)
                {
                    Interlocked.CompareExchange(ref first, failure, null);
                }
            }
        }).ConfigureAwait(false);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencies);
        return new LoadResult(clients, requestsPerClient, latencies.Length, errors, mismatches, seconds, latencies.Length / seconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), first);
    }

    /// <summary>
    /// A seeded mix over what <paramref name="models"/> serves: 64 fraud requests of one transaction each (x = μ + s·g,
    /// g standard normal, from the model's own standardisation; every other one with <c>?explain=3</c>), 64 digit
    /// requests of one image (pixels uniform in 0 … 16) and 32 recommendation requests (known users, and every eighth
    /// an unknown one: the cold-start list).
    /// </summary>
    public static IReadOnlyList<LoadRequest> Mix(ServedModels models, int seed)
    {
        ArgumentNullException.ThrowIfNull(models);
        var random = new Random(seed);
        var mix = new List<LoadRequest>();
        for (int q = 0; q < 64; q++)
        {
            if (models.Fraud is { } fraud)
            {
                var item = new JsonObject();
                for (int j = 0; j < fraud.Features.Count; j++)
                {
                    double g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    item[fraud.Features[j]] = fraud.Mean[j] + (fraud.Scale[j] * g);
                }
                mix.Add(new LoadRequest("POST", q % 2 == 0 ? "/v1/fraud/score?explain=3" : "/v1/fraud/score", new JsonArray(item).ToJsonString()));
            }
            if (models.Digits is not null)
            {
                var image = new JsonArray([.. Enumerable.Range(0, DigitClassifier.Pixels).Select(_ => (JsonNode)random.Next(0, 17))]);
                mix.Add(new LoadRequest("POST", "/v1/digits/classify", new JsonArray(image).ToJsonString()));
            }
            if (models.Recommendations is { } recommender && q % 2 == 0)
            {
                IReadOnlyList<long> users = recommender.ExampleUsers(int.MaxValue);
                long user = q % 16 == 0 || users.Count == 0 ? -1 - q : users[random.Next(users.Count)];
                mix.Add(new LoadRequest("GET", string.Create(CultureInfo.InvariantCulture, $"/v1/recommendations/{user}?top=10"), null));
            }
        }
        return mix.Count > 0 ? mix : throw new ArgumentException("no model is served: nothing to load", nameof(models));
    }

    private static async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(HttpClient http, LoadRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }
        using HttpResponseMessage response = await http.SendAsync(message).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
    }

    /// <summary>The nearest-rank percentile of sorted values: the ⌈q·n⌉-th smallest.</summary>
    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
