using System.Runtime;

namespace ReferenceSolutions.NeuralNet.Torch;

/// <summary>
/// Holds off garbage collection while TorchSharp runs native code. TorchSharp 0.107 turns every <c>double</c> argument
/// (a learning rate, an <c>alpha</c>) into a finalizable <c>Scalar</c> and passes only its handle to native code, without
/// keeping the object alive; a collection started by another thread in that window (a progress renderer, a parallel
/// test) lets the finalizer free the scalar mid-call, which surfaces as a "toDouble" error from libtorch. No collection,
/// no finalization: the region ends when this is disposed.
/// </summary>
internal readonly struct NoCollection : IDisposable
{
    private const long Budget = 16L << 20;

    private readonly bool _started;

    private NoCollection(bool started) => _started = started;

    /// <summary>Enters a no-GC region (16 MB of allocation allowed) unless one is already active.</summary>
    public static NoCollection Enter() =>
        new(GCSettings.LatencyMode != GCLatencyMode.NoGCRegion && GC.TryStartNoGCRegion(Budget));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
