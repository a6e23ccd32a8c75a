using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Core.Tests.LinearAlgebra;

/// <summary>
/// <see cref="OrderedSum"/> against the plain left-to-right loop, bit for bit, on terms whose magnitudes span 20 orders
/// so that any other order of the additions changes the result (checked as a negative control).
/// </summary>
public class OrderedSumTests
{
    [Property(MaxTest = 12)]
    public void The_sum_is_the_plain_loops_bit_for_bit(PositiveInt blocks, ulong seed)
    {
        int count = (blocks.Get % 3 * OrderedSum.Block) + (int)(seed % 5_000);
        double[] terms = Terms(count, seed);
        double plain = 0.0;
        foreach (double term in terms)
        {
            plain += term;
        }
        Assert.Equal(BitConverter.DoubleToInt64Bits(plain), BitConverter.DoubleToInt64Bits(OrderedSum.Of(count, t => terms[t])));
    }

    [Fact]
    public void Each_term_is_computed_once_and_another_order_of_the_additions_gives_other_bits()
    {
        int count = (2 * OrderedSum.Block) + 123;
        double[] terms = Terms(count, 5);
        int[] calls = new int[count];
        double sum = OrderedSum.Of(count, t =>
        {
            Interlocked.Increment(ref calls[t]);
            return terms[t];
        });
        Assert.All(calls, c => Assert.Equal(1, c));
        double reversed = 0.0;
        for (int t = count - 1; t >= 0; t--)
        {
            reversed += terms[t];
        }
        Assert.NotEqual(BitConverter.DoubleToInt64Bits(reversed), BitConverter.DoubleToInt64Bits(sum));
    }

    [Fact]
    public void No_terms_sum_to_zero() => Assert.Equal(0.0, OrderedSum.Of(0, _ => throw new InvalidOperationException("no term to compute")));

    /// <summary>±u·10^e, u uniform in [1, 2), e uniform in −10..10.</summary>
    private static double[] Terms(int count, ulong seed)
    {
        var rng = new Rng(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (rng.NextInt(2) == 0 ? -1 : 1) * rng.Uniform(1.0, 2.0) * Math.Pow(10, rng.NextInt(21) - 10))];
    }
}
