using System.Runtime;

namespace ReferenceSolutions.Core.Native;

/// <summary>
/// Holds off garbage collection while TorchSharp runs native code. TorchSharp 0.107 turns <c>double</c> and
/// <c>int</c> arguments — an operand, a learning rate, the implicit <c>alpha = 1</c> of <c>Tensor + Tensor</c>
/// (<c>add(target)</c> calls <c>add(target, 1)</c>) — into finalizable <c>Scalar</c> objects and passes only their
/// handles to native code, without keeping the objects alive. A collection started by another thread in that window (a
/// progress renderer, a parallel fit) lets the finalizer free a scalar mid-call, which surfaces as a libtorch error
/// ("Unknown scalar type", "toDouble") and exit code 3. No collection, no finalization: every TorchSharp twin runs its
/// native calls inside one of these regions. Regions nest and may overlap across threads (a depth count under a lock);
/// the no-GC region (16 MB of allocation) ends with the last one out. If a region's allocation budget runs out the
/// runtime collects and ends it early, which only returns to the unprotected behaviour.
/// <para>
/// Whether a region is open is this class's own record (<c>_started</c>), not <see cref="GCSettings.LatencyMode"/>: the
/// runtime can report a latency mode other than <see cref="GCLatencyMode.NoGCRegion"/> while it still holds the region
/// as started, and a region left started makes the next <see cref="GC.TryStartNoGCRegion(long)"/> throw "already in
/// progress" (seen once in five full test runs, in the fraud tests). So the last one out always calls
/// <see cref="GC.EndNoGCRegion"/> for a region it started — which throws, harmlessly, when the runtime ended the region
/// early — and a start refused as "already in progress" ends that stale region and starts again once.
/// </para>
/// </summary>
public sealed class CollectorPause : IDisposable
{
    private const long Budget = 16L << 20;
    private static readonly Lock Gate = new();
    private static int _depth;
    private static bool _started;

    private bool _entered = true;

    private CollectorPause()
    {
    }

    /// <summary>Enters a region; the first one in starts the process-wide no-GC region.</summary>
    public static CollectorPause Enter()
    {
        lock (Gate)
        {
            if (_depth++ == 0 && GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
            {
                _started = TryStart();
                if (!_started)
                {
                    EndRegion();
                    _started = TryStart();
                }
            }
        }
        return new CollectorPause();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_entered)
        {
            return;
        }
        _entered = false;
        lock (Gate)
        {
            if (--_depth == 0 && _started)
            {
                _started = false;
                EndRegion();
            }
        }
    }

    /// <summary>Starts the no-GC region; false when the runtime says one is already in progress or memory is short.</summary>
    private static bool TryStart()
    {
        try
        {
            return GC.TryStartNoGCRegion(Budget);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Ends the runtime's no-GC region, whether it was still open, ended early or not in progress at all.</summary>
    private static void EndRegion()
    {
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
        }
    }
}
