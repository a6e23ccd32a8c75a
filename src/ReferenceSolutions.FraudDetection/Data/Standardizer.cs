using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Data;

/// <summary>
/// z-scores fitted on training rows only: zᵢⱼ = (xᵢⱼ − μⱼ)/sⱼ with μ, s the column means and population standard
/// deviations of X_train (n×d); a column whose training values are all equal gets μⱼ = that value and sⱼ = 1 (so
/// z = 0 on the training rows). The same μ, s are applied to other rows.
/// <para>
/// Scaled before squaring: a column whose largest |x| lies outside [2⁻²⁵⁶, 2²⁵⁶] is first multiplied by 2^−eⱼ, the
/// power of two that brings its largest |x| into [½, 1), and μ, s and z are formed from the scaled values
/// (z = (x·2^−e − μ·2^−e)/(s·2^−e)), so that no sum or square overflows or underflows, from subnormal values to
/// values near ±1.8e308.
/// Multiplying by a power of two is exact, so wherever the plain formula does not overflow the result is the plain
/// formula's, bit for bit; inside [2⁻²⁵⁶, 2²⁵⁶] eⱼ = 0 and nothing changes
/// (docs/fraud-detection.md#input-limits).
/// </para>
/// <para>
/// <see cref="Transform"/> refuses a value whose |z| exceeds <see cref="FraudLimits.MaxStandardScore"/> (or is not
/// finite), naming the feature: such a row lies so far outside the training rows' spread that the float32 twins
/// would overflow on it. Training rows never do (|z| ≤ √n).
/// </para>
/// </summary>
public sealed class Standardizer
{
    private const int SafeExponent = 256;

    private readonly int[] _shift;
    private readonly double[] _scaledMean;
    private readonly double[] _scaledScale;
    private readonly IReadOnlyList<string>? _names;
    private readonly string? _source;

    private Standardizer(double[] mean, double[] scale, int[] shift, double[] scaledMean, double[] scaledScale, IReadOnlyList<string>? names, string? source)
    {
        Mean = mean;
        Scale = scale;
        _shift = shift;
        _scaledMean = scaledMean;
        _scaledScale = scaledScale;
        _names = names;
        _source = source;
    }

    /// <summary>μ (d).</summary>
    public double[] Mean { get; }

    /// <summary>s (d).</summary>
    public double[] Scale { get; }

    /// <summary>
    /// The columns scaled by a power of two before standardising: (column j, eⱼ, μⱼ·2^eⱼ, sⱼ·2^eⱼ) as <see cref="Transform"/>
    /// uses them, z = (x·2^eⱼ − μⱼ·2^eⱼ)/(sⱼ·2^eⱼ); every other column has eⱼ = 0 and z = (x − μⱼ)/sⱼ with <see cref="Mean"/>
    /// and <see cref="Scale"/> themselves. Empty unless a column's largest |x| lies outside [2⁻²⁵⁶, 2²⁵⁶].
    /// </summary>
    public IReadOnlyList<(int Column, int Exponent, double ScaledMean, double ScaledScale)> Rescaled =>
        [.. Enumerable.Range(0, _shift.Length).Where(j => _shift[j] != 0).Select(j => (j, _shift[j], _scaledMean[j], _scaledScale[j]))];

    /// <summary>
    /// The standardiser with μ = <paramref name="mean"/>, s = <paramref name="scale"/> (d each) and the power-of-two
    /// columns <paramref name="rescaled"/> (<see cref="Rescaled"/>), as a saved model stores them: it transforms every row
    /// bit for bit as the fitted one did. <paramref name="names"/> and <paramref name="source"/> only label errors.
    /// </summary>
    public static Standardizer Restore(double[] mean, double[] scale, IReadOnlyList<(int Column, int Exponent, double ScaledMean, double ScaledScale)> rescaled,
        IReadOnlyList<string>? names = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(rescaled);
        int[] shift = new int[mean.Length];
        double[] scaledMean = (double[])mean.Clone(), scaledScale = (double[])scale.Clone();
        foreach ((int column, int exponent, double m, double s) in rescaled)
        {
            (shift[column], scaledMean[column], scaledScale[column]) = (exponent, m, s);
        }
        return new Standardizer(mean, scale, shift, scaledMean, scaledScale, names, source);
    }

    /// <summary>Fits μ and s on the training rows <paramref name="training"/>; errors name its features and source.</summary>
    public static Standardizer Fit(LabeledData training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Fit(training.X, training.FeatureNames, training.Source);
    }

    /// <summary>Fits μ and s on <paramref name="x"/> (n×d); <paramref name="names"/> and <paramref name="source"/> only label errors.</summary>
    public static Standardizer Fit(Matrix x, IReadOnlyList<string>? names = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Rows, d = x.Columns;
        int[] shift = Shifts(x);
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < d; j++)
            {
                mean[j] += Math.ScaleB(row[j], shift[j]);
            }
        }
        for (int j = 0; j < d; j++)
        {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < d; j++)
            {
                double c = Math.ScaleB(row[j], shift[j]) - mean[j];
                scale[j] += c * c;
            }
        }
        bool[] constant = ConstantColumns(x);
        double[] scaledMean = new double[d], scaledScale = new double[d];
        for (int j = 0; j < d; j++)
        {
            if (constant[j])
            {
                shift[j] = 0;
                scaledMean[j] = n > 0 ? x[0, j] : 0.0;
                scaledScale[j] = 1.0;
            }
            else
            {
                scaledMean[j] = mean[j];
                scaledScale[j] = Math.Sqrt(scale[j] / n);
            }
            mean[j] = Math.ScaleB(scaledMean[j], -shift[j]);
            scale[j] = Math.ScaleB(scaledScale[j], -shift[j]);
        }
        return new Standardizer(mean, scale, shift, scaledMean, scaledScale, names, source);
    }

    /// <summary>The standardised copy of <paramref name="x"/> (n×d); throws <see cref="UserInputException"/> for |z| above <see cref="FraudLimits.MaxStandardScore"/>.</summary>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var z = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            Span<double> target = z.Row(i);
            for (int j = 0; j < x.Columns; j++)
            {
                double value = (Math.ScaleB(row[j], _shift[j]) - _scaledMean[j]) / _scaledScale[j];
                if (!(Math.Abs(value) <= FraudLimits.MaxStandardScore))
                {
                    throw Unrepresentable(j, value);
                }
                target[j] = value;
            }
        }
        return z;
    }

    /// <summary>−eⱼ per column: 0 when max|x| lies in [2⁻²⁵⁶, 2²⁵⁶] (or the column is all 0), else the power of two that brings max|x| into [½, 1).</summary>
    private static int[] Shifts(Matrix x)
    {
        double[] largest = new double[x.Columns];
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                largest[j] = Math.Max(largest[j], Math.Abs(row[j]));
            }
        }
        int[] shift = new int[x.Columns];
        for (int j = 0; j < shift.Length; j++)
        {
            int exponent = largest[j] > 0 ? Math.ILogB(largest[j]) : 0;
            shift[j] = exponent is >= -SafeExponent and <= SafeExponent ? 0 : -(exponent + 1);
        }
        return shift;
    }

    /// <summary>Whether each column holds one value only.</summary>
    private static bool[] ConstantColumns(Matrix x)
    {
        bool[] constant = new bool[x.Columns];
        Array.Fill(constant, true);
        if (x.Rows == 0)
        {
            return constant;
        }
        ReadOnlySpan<double> first = x.Row(0);
        for (int i = 1; i < x.Rows; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                constant[j] &= row[j] == first[j];
            }
        }
        return constant;
    }

    private UserInputException Unrepresentable(int column, double z)
    {
        string feature = _names is null ? $"feature {column + 1}" : $"feature '{Echo.Value(_names[column])}'";
        string where = _source is null ? "" : $"{_source}: ";
        string size = double.IsFinite(z) ? $"{Math.Abs(z).ToString("0.#e+0", CultureInfo.InvariantCulture)} standard deviations" : "more standard deviations than float64 can hold";
        return new UserInputException($"{where}{feature}: a value lies {size} from the training rows' mean, beyond the {FraudLimits.MaxStandardScore.ToString("0e+0", CultureInfo.InvariantCulture)} the float32 twins can take; rescale or drop the column");
    }
}
