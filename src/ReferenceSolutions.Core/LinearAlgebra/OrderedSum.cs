using System.Buffers;

namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// S = Σ_{t=0}^{n−1} term(t) added left to right, ((term(0) + term(1)) + term(2)) + …, so the same bits as the plain loop
/// <c>for t: sum += term(t)</c>, with the terms computed on every core: a block of <see cref="Block"/> terms at a time is
/// filled in parallel, then added in order on the calling thread. Meant for sums whose terms cost far more than an
/// addition (a prediction each, with random reads of factor rows): the cores share the terms, one core keeps the order.
/// The term function is called from several threads at once, and must only read shared state.
/// </summary>
public static class OrderedSum
{
    /// <summary>Terms per block (512 KB of doubles, reused from block to block).</summary>
    public const int Block = 1 << 16;

    /// <summary>Terms per parallel task within a block.</summary>
    private const int Part = 1 << 13;

    /// <summary>
    /// Σ_{t=0}^{<paramref name="count"/>−1} <paramref name="term"/>(t) in t order (see the class summary); fewer than
    /// <see cref="Block"/> terms are computed on the calling thread, where starting tasks would cost more than they save.
    /// </summary>
    public static double Of(int count, Func<int, double> term)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(term);
        double sum = 0.0;
        if (count < Block)
        {
            for (int t = 0; t < count; t++)
            {
                sum += term(t);
            }
            return sum;
        }
        double[] terms = ArrayPool<double>.Shared.Rent(Block);
        try
        {
            for (int start = 0; start < count; start += Block)
            {
                int length = Math.Min(Block, count - start);
                Parallel.For(0, (length + Part - 1) / Part, part =>
                {
                    int end = Math.Min(length, (part + 1) * Part);
                    for (int t = part * Part; t < end; t++)
                    {
                        terms[t] = term(start + t);
                    }
                });
                for (int t = 0; t < length; t++)
                {
                    sum += terms[t];
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(terms);
        }
        return sum;
    }
}
