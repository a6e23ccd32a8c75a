namespace ReferenceSolutions.Serve.Load;

/// <summary>One request of a load mix: method, path with query, and the JSON body (null for a GET).</summary>
public sealed record LoadRequest(string Method, string Path, string? Body);
