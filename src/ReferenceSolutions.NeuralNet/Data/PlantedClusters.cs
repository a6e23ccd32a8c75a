using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.NeuralNet.Data;

/// <summary>
/// The built-in data, a Gaussian mixture with planted structure: a 4×4 grid of cluster centres 2.5 apart in the first
/// two of D = 8 features, each centre owned by one of C = 4 classes (4 centres each, assigned by a seeded shuffle, so
/// every class is a non-convex union of blobs); a row picks a centre and adds N(0, 0.5²) noise there and N(0, 1) noise
/// in the 6 uninformative features. No linear model separates the classes; the Bayes rule reaches ≈ 98 %.
/// </summary>
public static class PlantedClusters
{
    /// <summary>D, the number of features.</summary>
    public const int Features = 8;

    /// <summary>C, the number of classes.</summary>
    public const int Classes = 4;

    private const int Grid = 4;
    private const double Spacing = 2.5;
    private const double Noise = 0.5;

    /// <summary>Training and test sets drawn from one mixture fixed by <paramref name="seed"/>.</summary>
    public static (LabeledData Train, LabeledData Test) Generate(ulong seed, int trainRows = 2000, int testRows = 1000)
    {
        var rng = new Rng(seed);
        int[] owner = Enumerable.Range(0, Grid * Grid).Select(i => i % Classes).ToArray();
        rng.Shuffle<int>(owner);
        return (Draw(rng, owner, trainRows), Draw(rng, owner, testRows));
    }

    private static LabeledData Draw(Rng rng, int[] owner, int rows)
    {
        var x = new Matrix(rows, Features);
        var y = new int[rows];
        for (int n = 0; n < rows; n++)
        {
            int centre = rng.NextInt(owner.Length);
            Span<double> row = x.Row(n);
            row[0] = rng.Gaussian(Spacing * (centre % Grid), Noise);
            row[1] = rng.Gaussian(Spacing * (centre / Grid), Noise);
            rng.FillGaussian(row[2..]);
            y[n] = owner[centre];
        }
        return new LabeledData(x, y, Classes);
    }
}
