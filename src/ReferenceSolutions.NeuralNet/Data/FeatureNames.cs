namespace ReferenceSolutions.NeuralNet.Data;

/// <summary>
/// The names of the input columns, which the training files do not carry (optdigits and the built-in data have no
/// header): <c>x0</c> … <c>x{D−1}</c>, in file order. For optdigits' 8×8 images, x(8r + c) is the pixel in row r,
/// column c (0-based, row-major).
/// </summary>
public static class FeatureNames
{
    /// <summary>x0 … x{D−1}.</summary>
    public static IReadOnlyList<string> Of(int features) => [.. Enumerable.Range(0, features).Select(j => $"x{j}")];
}
