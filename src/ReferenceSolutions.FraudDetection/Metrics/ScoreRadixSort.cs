using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// Sorting scores without comparisons: each finite double maps to a 64-bit key whose unsigned order is the numeric
/// order (<see cref="Key"/>), and the keys are sorted by a least-significant-digit radix sort, one byte (256 buckets)
/// per pass from the low byte to the high one. A pass is a counting sort: bucket offsets are the prefix sums of that
/// byte's histogram (all eight histograms come from one read of the keys), and every key is written to the next free
/// slot of its bucket, which keeps the order the earlier passes made. A byte that is the same in every key (e.g. the
/// sign and top exponent bits of scores in (0, 1)) leaves the order as it is, so its pass is skipped. O(8n) against a
/// comparison sort's O(n log n); <see cref="SortByComparison"/> is the readable reference it is tested against.
/// </summary>
internal static class ScoreRadixSort
{
    private const int Passes = sizeof(ulong), Buckets = 256;

    /// <summary>
    /// The order-preserving key of a finite (or infinite) double: its IEEE bits with the sign bit set when it is ≥ 0 and
    /// every bit flipped when it is negative, so key(a) &lt; key(b) ⇔ a &lt; b. −0 is taken as +0 first (s + 0.0), so the two
    /// zeros, equal as numbers, get one key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(double score)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(score + 0.0);
        return bits ^ (ulong)(((long)bits >> 63) | long.MinValue);
    }

    /// <summary>Sorts <paramref name="keys"/> ascending in place; <paramref name="scratch"/> (at least as long) is overwritten.</summary>
    public static void Sort(Span<ulong> keys, Span<ulong> scratch)
    {
        int n = keys.Length;
        if (scratch.Length < n)
        {
            throw new ArgumentException($"{n} keys need a scratch span of at least {n}, not {scratch.Length}", nameof(scratch));
        }
        if (n < 2)
        {
            return;
        }
        Span<int> counts = stackalloc int[Passes * Buckets];
        counts.Clear();
        ref int count = ref MemoryMarshal.GetReference(counts);
        foreach (ulong key in keys)
        {
            for (int b = 0; b < Passes; b++)
            {
                Unsafe.Add(ref count, (b * Buckets) + (int)((key >> (8 * b)) & 0xFF))++;
            }
        }
        Span<int> next = stackalloc int[Buckets];
        Span<ulong> source = keys, target = scratch[..n];
        for (int b = 0; b < Passes; b++)
        {
            ReadOnlySpan<int> histogram = counts.Slice(b * Buckets, Buckets);
            int shift = 8 * b;
            if (histogram[(int)((source[0] >> shift) & 0xFF)] == n)
            {
                continue;
            }
            int offset = 0;
            for (int digit = 0; digit < Buckets; digit++)
            {
                next[digit] = offset;
                offset += histogram[digit];
            }
            Scatter(source, target, next, shift);
            Span<ulong> swap = source;
            source = target;
            target = swap;
        }
        if (source != keys)
        {
            source.CopyTo(keys);
        }
    }

    /// <summary>target[next[digit(k)]++] = k for every key k of <paramref name="source"/>, in order (digit = the byte at <paramref name="shift"/>).</summary>
    private static void Scatter(ReadOnlySpan<ulong> source, Span<ulong> target, Span<int> next, int shift)
    {
        ref ulong to = ref MemoryMarshal.GetReference(target);
        ref int slot0 = ref MemoryMarshal.GetReference(next);
        foreach (ulong key in source)
        {
            ref int slot = ref Unsafe.Add(ref slot0, (int)((key >> shift) & 0xFF));
            Unsafe.Add(ref to, slot) = key;
            slot++;
        }
    }

    /// <summary>The reference: the keys of <paramref name="scores"/> in the order of a comparison sort of the scores (<c>Array.Sort</c>), ascending.</summary>
    public static ulong[] SortByComparison(ReadOnlySpan<double> scores)
    {
        double[] sorted = scores.ToArray();
        Array.Sort(sorted);
        return [.. sorted.Select(Key)];
    }
}
