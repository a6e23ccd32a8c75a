namespace ReferenceSolutions.Serve.Load;

/// <summary>
/// What <see cref="ServeLoad.RunAsync"/> measured: C clients × R requests each; <c>errors</c>, the answers that were not
/// 200 (or failed to arrive); <c>mismatches</c>, the 200 answers whose bytes differ from the same request's answer in
/// the single-threaded pass before the load; the wall time, requests per second over it, and the median and 99th
/// percentile of the per-request latencies (send to last byte read, nearest-rank).
/// </summary>
public sealed record LoadResult(int Clients, int RequestsPerClient, int Requests, int Errors, int Mismatches, double Seconds,
    double RequestsPerSecond, double P50Ms, double P99Ms, string? FirstFailure);
