using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ReferenceSolutions.Serve.Problems;

/// <summary>
/// Reads a request body of at most <see cref="ServeOptions.MaxBodyBytes"/> bytes as one JSON document: a larger body
/// (by its Content-Length, or as it streams in) is a 413, invalid JSON a 400 naming the line and byte.
/// </summary>
internal static class RequestBody
{
    private const int MaxDepth = 16;

    /// <summary>The parsed body of <paramref name="request"/>.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, long limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            throw new RequestProblem(e.StatusCode, "body", e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(limit).Detail : "could not be read");
        }
        if (buffer.Length == 0)
        {
            throw RequestProblem.Bad("body", "is empty: send a JSON array");
        }
        try
        {
            return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}") : "";
            throw RequestProblem.Bad("body", $"is not valid JSON{where} (JSON has no NaN or Infinity; numbers must be finite)");
        }
    }

    private static RequestProblem TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "body", string.Create(CultureInfo.InvariantCulture, $"is larger than the limit of {limit} bytes: send fewer items per request"));
}
