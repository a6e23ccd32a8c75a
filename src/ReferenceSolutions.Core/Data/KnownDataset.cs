namespace ReferenceSolutions.Core.Data;

/// <summary>A public dataset the suite knows, with the files (relative to a data folder) and their SHA-256.</summary>
public sealed record KnownDataset(string Name, string Solution, string Description, IReadOnlyList<KnownDataset.DataFile> Files)
{
    /// <summary>One file of a dataset: its path under the data folder, its SHA-256 (lower-case hex) and its size in bytes.</summary>
    public sealed record DataFile(string RelativePath, string Sha256, long Bytes);

    /// <summary>The datasets listed in data/README.md.</summary>
    public static IReadOnlyList<KnownDataset> All { get; } =
    [
        new("optdigits", "neuralnet", "UCI optical digits, 8×8 images, official train/test split",
        [
            new("optdigits/optdigits-train.csv", "e1b683cc211604fe8fd8c4417e6a69f31380e0c61d4af22e93cc21e9257ffedd", 563_639),
            new("optdigits/optdigits-test.csv", "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8", 264_712),
        ]),
        new("movielens-small", "recommender", "MovieLens ml-latest-small ratings and titles",
        [
            new("movielens-small/ratings.csv", "9ca29be9c3b4a49bbf6377b79f34136523c01ba0599047cf32426280886354e7", 2_221_474),
            new("movielens-small/movies.csv", "2f8dfe97e4649032dd38838c2be87eac0651c87acef400237e44c116ad413daf", 484_688),
        ]),
        new("creditcard", "fraud", "ULB credit-card fraud, undersampled sample (all 492 frauds + 4,920 legitimate)",
        [
            new("creditcard-fraud/creditcard_sample.csv", "03f9faa6d17e910ee343bdf4c211c6135bd622d8ae4aa6eacb246309ddcc0e95", 2_860_022),
        ]),
        new("credit-default", "fraud", "UCI default of credit card clients (Taiwan, 2005)",
        [
            new("credit-default/credit-default.csv", "263ebe35e1c6ebbe988a79a4c207ac7c090e7dd89787bf6f18692877c67d6b76", 3_508_293),
        ]),
    ];

    /// <summary>True when every file of the dataset exists under <paramref name="dataDirectory"/>.</summary>
    public bool IsPresentIn(string dataDirectory) => Files.All(f => File.Exists(Path.Combine(dataDirectory, f.RelativePath)));
}
