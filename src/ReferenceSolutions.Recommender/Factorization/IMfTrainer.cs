using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// A trainer of <see cref="BiasedMf"/> that runs epoch by epoch from a given initial state, calling
/// <c>afterEpoch(epoch, state)</c> (epoch 1-based) after each with the state being trained — not a copy, so that E
/// epochs cost one model, not E: a caller that keeps states (twins compared per epoch) clones them, and none may
/// change one.
/// </summary>
public interface IMfTrainer
{
    /// <summary>The implementation's name in reports.</summary>
    string Name { get; }

    /// <summary>Trains a copy of <paramref name="initial"/> on <paramref name="train"/>; returns the final state.</summary>
    BiasedMf Train(BiasedMf initial, RatingSet train, Action<int, BiasedMf>? afterEpoch = null);
}
