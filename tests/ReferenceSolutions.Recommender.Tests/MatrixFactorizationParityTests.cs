using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// MF-SGD and ALS from scratch against their TorchSharp twins from the same initial factors and rating order: μ, bᵤ, bᵢ, P, Q
/// after every epoch (<see cref="RecommenderChecks.SgdTwin"/>, <see cref="RecommenderChecks.AlsTwin"/>; tolerances from
/// the surveys of the twins' per-epoch differences); a NaN in either twin's state failing the check, naming it; the SGD
/// step against central differences of ℓᵤᵢ; ALS's objective never increasing.
/// </summary>
public class MatrixFactorizationParityTests
{
    [Theory]
    [InlineData(1UL, 4, 0.02, 0.05)]
    [InlineData(2UL, 8, 0.05, 0.1)]
    public void SgdTwinMatchesEveryEpoch(ulong seed, int k, double lr, double lambda)
    {
        (RatingSet train, BiasedMf initial, Rng rng) = Small(seed, k);
        int[][] orders = MfSgd.Orders(train.Count, 4, rng);
        var scratch = new List<BiasedMf>();
        var torch = new List<BiasedMf>();
        new MfSgd(lr, lambda, orders).Train(initial, train, (_, s) => scratch.Add(s.Clone()));
        new TorchMfSgd(lr, lambda, orders).Train(initial, train, (_, s) => torch.Add(s.Clone()));
        ParityAssert.Passes(RecommenderChecks.SgdTwin, EpochComparison.Of("mf-sgd-from-scratch", scratch, "torch", torch));
        AssertTrainingMoved(scratch);
    }

    [Theory]
    [InlineData(3UL, 4, 0.1)]
    [InlineData(4UL, 6, 0.02)]
    public void AlsTwinMatchesEveryEpoch(ulong seed, int k, double lambda)
    {
        (RatingSet train, BiasedMf initial, _) = Small(seed, k);
        var scratch = new List<BiasedMf>();
        var torch = new List<BiasedMf>();
        new Als(lambda, 4).Train(initial, train, (_, s) => scratch.Add(s.Clone()));
        new TorchAls(lambda, 4).Train(initial, train, (_, s) => torch.Add(s.Clone()));
        ParityAssert.Passes(RecommenderChecks.AlsTwin, EpochComparison.Of("als-from-scratch", scratch, "torch", torch));
        AssertTrainingMoved(scratch);
    }

    [Theory]
    [InlineData("mf-sgd-from-scratch", 1, "P")]
    [InlineData("torch", 3, "bᵢ")]
    [InlineData("torch", 2, "μ")]
    public void NanInEitherSgdTwinFailsNamingItsSide(string side, int epoch, string table)
    {
        (RatingSet train, BiasedMf initial, Rng rng) = Small(8, 4);
        int[][] orders = MfSgd.Orders(train.Count, 3, rng);
        var scratch = new List<BiasedMf>();
        var torch = new List<BiasedMf>();
        new MfSgd(0.02, 0.05, orders).Train(initial, train, (_, s) => scratch.Add(s.Clone()));
        new TorchMfSgd(0.02, 0.05, orders).Train(initial, train, (_, s) => torch.Add(s.Clone()));
        (side == "torch" ? torch : scratch)[epoch - 1] = WithNaN((side == "torch" ? torch : scratch)[epoch - 1], table);
        Comparison comparison = EpochComparison.Of("mf-sgd-from-scratch", scratch, "torch", torch);
        ParityAssert.Fails(RecommenderChecks.SgdTwin, comparison);
        Assert.StartsWith($"{side}: epoch {epoch} {table}", comparison.NonFinite, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("als-from-scratch", 2, "Q")]
    [InlineData("torch", 1, "bᵤ")]
    public void NanInEitherAlsTwinFailsNamingItsSide(string side, int epoch, string table)
    {
        (RatingSet train, BiasedMf initial, _) = Small(9, 4);
        var scratch = new List<BiasedMf>();
        var torch = new List<BiasedMf>();
        new Als(0.1, 2).Train(initial, train, (_, s) => scratch.Add(s.Clone()));
        new TorchAls(0.1, 2).Train(initial, train, (_, s) => torch.Add(s.Clone()));
        (side == "torch" ? torch : scratch)[epoch - 1] = WithNaN((side == "torch" ? torch : scratch)[epoch - 1], table);
        Comparison comparison = EpochComparison.Of("als-from-scratch", scratch, "torch", torch);
        ParityAssert.Fails(RecommenderChecks.AlsTwin, comparison);
        Assert.StartsWith($"{side}: epoch {epoch} {table}", comparison.NonFinite, StringComparison.Ordinal);
    }

    [Fact]
    public void SgdStepIsMinusLearningRateTimesTheCentralDifferenceGradient()
    {
        (RatingSet train, BiasedMf model, _) = Small(5, 5);
        int u = train.Users[0], i = train.Items[0];
        double r = train.Values[0], lr = 0.01, lambda = 0.07, h = 1e-6;
        double Loss(BiasedMf m)
        {
            double e = r - m.Predict(u, i);
            double penalty = (m.UserBias[u] * m.UserBias[u]) + (m.ItemBias[i] * m.ItemBias[i])
                + System.Numerics.Tensors.TensorPrimitives.Dot(m.P.Row(u), m.P.Row(u)) + System.Numerics.Tensors.TensorPrimitives.Dot(m.Q.Row(i), m.Q.Row(i));
            return (0.5 * e * e) + (0.5 * lambda * penalty);
        }
        model.UserBias[u] = 0.3;
        model.ItemBias[i] = -0.2;
        BiasedMf stepped = model.Clone();
        MfSgd.Step(stepped, u, i, r, lr, lambda);
        var parameters = new List<(string Name, Func<BiasedMf, Ref> Get)>
        {
            ("bᵤ", m => new Ref(m.UserBias, u)),
            ("bᵢ", m => new Ref(m.ItemBias, i)),
        };
        for (int f = 0; f < model.Factors; f++)
        {
            int ff = f;
            parameters.Add(($"p[{f}]", m => new Ref(m.P.Data, (u * m.Factors) + ff)));
            parameters.Add(($"q[{f}]", m => new Ref(m.Q.Data, (i * m.Factors) + ff)));
        }
        var comparison = new Comparison("from-scratch", "finite-difference");
        foreach ((string name, Func<BiasedMf, Ref> get) in parameters)
        {
            BiasedMf plus = model.Clone(), minus = model.Clone();
            get(plus).Add(h);
            get(minus).Add(-h);
            double numeric = (Loss(plus) - Loss(minus)) / (2 * h);
            double analytic = (get(model).Value - get(stepped).Value) / lr;
            comparison.Add(name, analytic, numeric, Math.Max(1.0, Math.Abs(numeric)));
        }
        ParityAssert.Passes(RecommenderChecks.SgdStepGradient, comparison);
    }

    [Fact]
    public void AlsObjectiveNeverIncreases()
    {
        (RatingSet train, BiasedMf initial, _) = Small(6, 6);
        double lambda = 0.05;
        double previous = Als.Objective(initial, train, lambda);
        new Als(lambda, 8).Train(initial, train, (epoch, s) =>
        {
            double current = Als.Objective(s, train, lambda);
            Assert.True(current <= previous * (1 + 1e-12), $"epoch {epoch}: J rose from {previous} to {current}");
            previous = current;
        });
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        (RatingSet train, BiasedMf initial, Rng rng) = Small(7, 4);
        int[][] orders = MfSgd.Orders(train.Count, 3, rng);
        BiasedMf a = new MfSgd(0.02, 0.05, orders).Train(initial, train);
        BiasedMf b = new MfSgd(0.02, 0.05, orders).Train(initial, train);
        Assert.Equal(a.P.Data.Select(BitConverter.DoubleToInt64Bits), b.P.Data.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.ItemBias.Select(BitConverter.DoubleToInt64Bits), b.ItemBias.Select(BitConverter.DoubleToInt64Bits));
    }

    private static void AssertTrainingMoved(List<BiasedMf> states)
    {
        var moved = new Comparison("epoch 1", "last epoch");
        states[0].AddTo(moved, states[^1], "");
        Assert.True(moved.MaxAbsDiff > 1e-3, "training did not move the factors, so the comparison proves nothing");
    }

    private static BiasedMf WithNaN(BiasedMf state, string table)
    {
        BiasedMf copy = state.Clone();
        switch (table)
        {
            case "μ":
                return new BiasedMf(double.NaN, copy.UserBias, copy.ItemBias, copy.P, copy.Q);
            case "bᵤ":
                copy.UserBias[1] = double.NaN;
                break;
            case "bᵢ":
                copy.ItemBias[2] = double.NaN;
                break;
            case "P":
                copy.P[3, 1] = double.NaN;
                break;
            default:
                copy.Q[4, 0] = double.NaN;
                break;
        }
        return copy;
    }

    /// <summary>30 users × 25 items, ~40% observed, planted rank 3; initial factors N(0, 0.1²).</summary>
    private static (RatingSet Train, BiasedMf Initial, Rng Rng) Small(ulong seed, int k)
    {
        var rng = new Rng(seed);
        var p = rng.GaussianMatrix(30, 3, 0.7);
        var q = rng.GaussianMatrix(25, 3, 0.7);
        var users = new List<int>();
        var items = new List<int>();
        var values = new List<double>();
        for (int u = 0; u < 30; u++)
        {
            for (int i = 0; i < 25; i++)
            {
                if (rng.NextDouble() < 0.4)
                {
                    users.Add(u);
                    items.Add(i);
                    values.Add(3.5 + System.Numerics.Tensors.TensorPrimitives.Dot<double>(p.Row(u), q.Row(i)) + rng.Gaussian(0, 0.2));
                }
            }
        }
        var train = new RatingSet([.. users], [.. items], [.. values], Enumerable.Range(1, 30).Select(x => (long)x).ToArray(), Enumerable.Range(1, 25).Select(x => (long)x).ToArray(), "test");
        return (train, BiasedMf.Initial(30, 25, k, train.Mean(), 0.1, rng), rng);
    }

    private sealed class Ref(double[] array, int index)
    {
        public double Value => array[index];

        public void Add(double delta) => array[index] += delta;
    }
}
