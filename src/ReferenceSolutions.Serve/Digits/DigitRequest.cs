using System.Globalization;
using System.Text.Json;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Serve.Fraud;
using ReferenceSolutions.Serve.Problems;

namespace ReferenceSolutions.Serve.Digits;

/// <summary>
/// The body of <c>POST /v1/digits/classify</c>: a JSON array of images, each an array of the 64 pixel values of an 8×8
/// image, row-major, each a number in [0, 16] (optdigits' scale; fractions allowed). Anything else is a 400 naming the
/// field, e.g. <c>items[2]</c> (a wrong count) or <c>items[2][17]</c> (a value).
/// </summary>
internal static class DigitRequest
{
    /// <summary>X (N×64).</summary>
    public static Matrix Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw RequestProblem.Bad("items", "the body must be a JSON array of images (each an array of 64 pixel values 0 … 16)");
        }
        int n = root.GetArrayLength();
        if (n == 0)
        {
            throw RequestProblem.Bad("items", "is empty: send at least one image");
        }
        var x = new Matrix(n, DigitClassifier.Pixels);
        int i = 0;
        foreach (JsonElement item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != DigitClassifier.Pixels)
            {
                string got = item.ValueKind == JsonValueKind.Array
                    ? string.Create(CultureInfo.InvariantCulture, $"has {item.GetArrayLength()} values")
                    : $"is a JSON {item.ValueKind.ToString().ToLowerInvariant()}";
                throw RequestProblem.Bad($"items[{i}]", $"{got}: an image is an array of the {DigitClassifier.Pixels} pixel values of 8×8, row-major");
            }
            int j = 0;
            foreach (JsonElement pixel in item.EnumerateArray())
            {
                string field = $"items[{i}][{j}]";
                double v = FraudRequest.Number(pixel, field);
                x[i, j++] = v is >= 0 and <= DigitClassifier.MaxPixel
                    ? v
                    : throw RequestProblem.Bad(field, string.Create(CultureInfo.InvariantCulture, $"is {v}: a pixel value lies in 0 … 16"));
            }
            i++;
        }
        return x;
    }
}
