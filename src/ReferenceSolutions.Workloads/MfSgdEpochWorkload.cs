using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Workloads;

/// <summary>
/// One epoch of biased-MF SGD (k = 32, η = 0.01, λ = 0.05) over a MovieLens-small-sized rating set (100,836 ratings,
/// 610 users × 9,724 items, drawn from a fixed seed): <see cref="MfSgd"/> against its TorchSharp twin
/// <see cref="TorchMfSgd"/> (one autograd step and <c>optim.SGD</c> per rating). The twin costs ≈ 0.4 ms per rating,
/// so it is timed on the first <see cref="LibrarySample"/> ratings of the same order and scaled to the epoch.
/// </summary>
public sealed class MfSgdEpochWorkload : IBenchWorkload
{
    /// <summary>MovieLens "latest-small" shape.</summary>
    public const int Ratings = 100_836, Users = 610, Items = 9_724, Factors = 32;

    /// <summary>Ratings per timed call of the TorchSharp twin.</summary>
    public const int LibrarySample = 500;

    private readonly RatingSet _ratings;
    private readonly BiasedMf _initial;
    private readonly MfSgd _scratch;
    private readonly TorchMfSgd _torch;

    public MfSgdEpochWorkload()
    {
        var rng = new Rng(3);
        int[] users = new int[Ratings];
        int[] items = new int[Ratings];
        double[] values = new double[Ratings];
        for (int r = 0; r < Ratings; r++)
        {
            users[r] = rng.NextInt(Users);
            items[r] = rng.NextInt(Items);
            values[r] = 0.5 * (1 + rng.NextInt(10));
        }
        _ratings = new RatingSet(users, items, values, [.. Enumerable.Range(0, Users).Select(u => (long)u)], [.. Enumerable.Range(0, Items).Select(i => (long)i)], "synthetic MovieLens-small shape");
        _initial = BiasedMf.Initial(Users, Items, Factors, _ratings.Mean(), 0.1, rng);
        int[] order = rng.Permutation(Ratings);
        _scratch = new MfSgd(0.01, 0.05, [order]);
        _torch = new TorchMfSgd(0.01, 0.05, [order[..LibrarySample]]);
    }

    public string Name => "mf-sgd-epoch";

    public double LibraryScale => (double)Ratings / LibrarySample;

    public void FromScratch() => _scratch.Train(_initial, _ratings);

    public void Library() => _torch.Train(_initial, _ratings);

    public IReadOnlyList<(string Field, double Value)> Derived(double fromScratchMs, double libraryMs) =>
        [("updatesPerSecond", Ratings / (fromScratchMs / 1000.0)), ("libraryUpdatesPerSecond", Ratings / (libraryMs / 1000.0))];

    public void Dispose()
    {
    }
}
