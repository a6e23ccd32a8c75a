using System.Numerics.Tensors;

namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>A dense vector of doubles of length n, with span access to its storage.</summary>
public sealed class Vector
{
    /// <summary>A vector of n zeros.</summary>
    public Vector(int length)
        : this(new double[length])
    {
    }

    /// <summary>Wraps <paramref name="data"/> without copying.</summary>
    public Vector(double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    /// <summary>n.</summary>
    public int Length => Data.Length;

    /// <summary>Storage.</summary>
    public double[] Data { get; }

    /// <summary>Element i, by reference.</summary>
    public ref double this[int i] => ref Data[i];

    /// <summary>Storage as a span.</summary>
    public Span<double> AsSpan() => Data;

    /// <summary>xᵀy.</summary>
    public double Dot(Vector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckLength(other);
        return TensorPrimitives.Dot(Data, other.Data);
    }

    /// <summary>‖x‖₂, computed without overflow or underflow (see <see cref="Norms.Euclidean"/>).</summary>
    public double Norm() => Norms.Euclidean(Data);

    /// <summary>x + y.</summary>
    public static Vector operator +(Vector x, Vector y)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.CheckLength(y);
        var sum = new Vector(x.Length);
        TensorPrimitives.Add(x.Data, y.Data, sum.Data);
        return sum;
    }

    /// <summary>x − y.</summary>
    public static Vector operator -(Vector x, Vector y)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.CheckLength(y);
        var difference = new Vector(x.Length);
        TensorPrimitives.Subtract(x.Data, y.Data, difference.Data);
        return difference;
    }

    /// <summary>s·x.</summary>
    public static Vector operator *(double s, Vector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var scaled = new Vector(x.Length);
        TensorPrimitives.Multiply(x.Data, s, scaled.Data);
        return scaled;
    }

    private void CheckLength(Vector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length != Length)
        {
            throw new ArgumentException($"vector lengths differ: {Length} and {other.Length}");
        }
    }
}
