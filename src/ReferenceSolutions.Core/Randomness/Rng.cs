using System.Numerics;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Core.Randomness;

/// <summary>
/// Seeded pseudo-random numbers: xoshiro256** (Blackman &amp; Vigna) with its state filled by SplitMix64 from one
/// 64-bit seed. The generator is written out here rather than taken from <see cref="Random"/>, so the same seed gives
/// the same stream on every runtime and platform.
/// Derivation: docs/core.md#seeded-random-numbers.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    /// <summary>A generator whose whole stream is fixed by <paramref name="seed"/>.</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1), with 53 random bits: (x &gt;&gt; 11)·2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [low, high).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer on [0, n), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ulong bound = (ulong)n;
        ulong threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
            if (low >= threshold)
            {
                return (int)high;
            }
        }
    }

    /// <summary>Standard normal N(0, 1) by the Marsaglia polar method (pairs; the second value is kept for the next call).</summary>
    public double Gaussian()
    {
        if (_spareGaussian is double spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);
        double factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return u * factor;
    }

    /// <summary>N(mean, sd²).</summary>
    public double Gaussian(double mean, double standardDeviation) => mean + (standardDeviation * Gaussian());

    /// <summary>Fills <paramref name="destination"/> with N(mean, sd²) draws.</summary>
    public void FillGaussian(Span<double> destination, double mean = 0.0, double standardDeviation = 1.0)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Gaussian(mean, standardDeviation);
        }
    }

    /// <summary>An m×n matrix of N(0, sd²) draws, filled row by row.</summary>
    public Matrix GaussianMatrix(int rows, int columns, double standardDeviation = 1.0)
    {
        var matrix = new Matrix(rows, columns);
        FillGaussian(matrix.Data, 0.0, standardDeviation);
        return matrix;
    }

    /// <summary>Shuffles in place by Fisher–Yates: for i = n−1..1, swap xᵢ with x_j, j uniform on [0, i].</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A uniformly random permutation of 0..n−1.</summary>
    public int[] Permutation(int n)
    {
        var permutation = new int[n];
        for (int i = 0; i < n; i++)
        {
            permutation[i] = i;
        }
        Shuffle<int>(permutation);
        return permutation;
    }

    /// <summary>A new generator seeded from this one's next output: an independent stream for a sub-task.</summary>
    public Rng Fork() => new(NextUInt64());

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
