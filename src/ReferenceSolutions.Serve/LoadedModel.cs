namespace ReferenceSolutions.Serve;

/// <summary>
/// One saved model found under the <c>--model</c> folders, as <c>/health</c> lists it: its manifest's name, solution,
/// kind and format, the endpoint that serves it (null when it is not served) and why not, when it is not.
/// </summary>
public sealed record LoadedModel(string Name, string Solution, string Kind, string Format, string? Endpoint, string? Note);
