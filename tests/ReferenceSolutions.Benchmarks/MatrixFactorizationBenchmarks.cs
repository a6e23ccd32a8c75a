using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// Biased-MF SGD rating updates (k = 32): the from-scratch C# step against the TorchSharp twin (one autograd step and
/// torch.optim.SGD per rating), one epoch over the same 1,000 ratings in the same order; times are per rating update.
/// </summary>
public class MatrixFactorizationBenchmarks
{
    private const int Ratings = 1_000;
    private const int Factors = 32;

    private RatingSet _ratings = null!;
    private BiasedMf _initial = null!;
    private MfSgd _scratch = null!;
    private TorchMfSgd _torch = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(1);
        RatingSet all = SyntheticRatings.Generate(1);
        (_ratings, _, _) = all.Subset(rng.Permutation(all.Count)[..Ratings]).Compact();
        _initial = BiasedMf.Initial(_ratings.UserCount, _ratings.ItemCount, Factors, _ratings.Mean(), 0.1, rng);
        int[][] orders = MfSgd.Orders(Ratings, 1, rng);
        _scratch = new MfSgd(0.01, 0.05, orders);
        _torch = new TorchMfSgd(0.01, 0.05, orders);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ratings, Description = "TorchSharp: autograd + optim.SGD per rating")]
    public BiasedMf Torch() => _torch.Train(_initial, _ratings);

    [Benchmark(OperationsPerInvoke = Ratings, Description = "from scratch: C# SGD step")]
    public BiasedMf FromScratch() => _scratch.Train(_initial, _ratings);
}
