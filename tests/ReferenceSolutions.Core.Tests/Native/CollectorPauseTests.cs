using System.Runtime;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Core.Tests.Native;

/// <summary>
/// <see cref="CollectorPause"/> after the runtime ended its no-GC region early: a region whose 16 MB budget was spent
/// (the runtime collects and leaves the mode) must still be closed, or the runtime keeps it "in progress" and the next
/// region's start throws. The tests of one class run one after the other, as they must: the no-GC region is
/// process-wide, and no other class in this assembly enters one.
/// </summary>
public sealed class CollectorPauseTests
{
    [Fact]
    public void A_region_that_ran_out_of_budget_does_not_block_the_next_one()
    {
        using (CollectorPause.Enter())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            ExhaustBudget();
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        using (CollectorPause.Enter())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Overlapping_regions_on_two_threads_under_allocation_pressure_never_throw()
    {
        Parallel.For(0, 2, _ =>
        {
            for (int i = 0; i < 20; i++)
            {
                using (CollectorPause.Enter())
                {
                    if (i % 3 == 0)
                    {
                        ExhaustBudget();
                    }
                }
            }
        });
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    private static void ExhaustBudget()
    {
        var kept = new List<byte[]>();
        for (int i = 0; i < 48 << 10 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion; i++)
        {
            kept.Add(new byte[1000]);
        }
        GC.KeepAlive(kept);
    }
}
