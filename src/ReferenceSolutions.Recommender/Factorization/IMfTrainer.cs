using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// A trainer of <see cref="BiasedMf"/> that runs epoch by epoch from a given initial state, calling
/// <c>afterEpoch(epoch, state)</c> (epoch 1-based) with a snapshot after each, so twins can be compared per epoch.
/// </summary>
public interface IMfTrainer
{
    /// <summary>The implementation's name in reports.</summary>
    string Name { get; }

    /// <summary>Trains a copy of <paramref name="initial"/> on <paramref name="train"/>; returns the final state.</summary>
    BiasedMf Train(BiasedMf initial, RatingSet train, Action<int, BiasedMf>? afterEpoch = null);
}
