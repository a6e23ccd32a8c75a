using FsCheck;
using FsCheck.Fluent;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// The standardiser at the edges of float64: scaling by a power of two before squaring leaves every bit of z unchanged,
/// so values near ±1.8e308 and subnormal ones standardise exactly as ordinary ones do; constant columns and
/// unrepresentable standard scores are handled as documented.
/// </summary>
public sealed class StandardizerTests
{
    [Fact]
    public void Inside_the_safe_range_z_is_the_textbook_formula_bit_for_bit()
    {
        Matrix x = new Rng(3).GaussianMatrix(50, 4);
        Standardizer scaler = Standardizer.Fit(x);
        Matrix z = scaler.Transform(x);
        for (int j = 0; j < x.Columns; j++)
        {
            double mean = 0, squares = 0;
            for (int i = 0; i < x.Rows; i++)
            {
                mean += x[i, j];
            }
            mean /= x.Rows;
            for (int i = 0; i < x.Rows; i++)
            {
                squares += (x[i, j] - mean) * (x[i, j] - mean);
            }
            double sd = Math.Sqrt(squares / x.Rows);
            Assert.Equal(mean, scaler.Mean[j]);
            Assert.Equal(sd, scaler.Scale[j]);
            Assert.All(Enumerable.Range(0, x.Rows), i => Assert.Equal((x[i, j] - mean) / sd, z[i, j]));
        }
    }

    [Fact]
    public void Multiplying_a_column_by_any_power_of_two_changes_no_bit_of_z()
    {
        Gen<(ulong Seed, int Rows, int Exponent)> cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from rows in Gen.Choose(2, 40)
            from exponent in Gen.Choose(-1000, 1000)
            select ((ulong)seed, rows, exponent);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            Matrix x = new Rng(c.Seed).GaussianMatrix(c.Rows, 3);
            var scaled = new Matrix(x.Rows, x.Columns, [.. x.Data.Select(v => Math.ScaleB(v, c.Exponent))]);
            Standardizer plain = Standardizer.Fit(x), shifted = Standardizer.Fit(scaled);
            Assert.Equal(plain.Transform(x).Data, shifted.Transform(scaled).Data);
            Assert.Equal(plain.Mean.Select(m => Math.ScaleB(m, c.Exponent)), shifted.Mean);
            Assert.Equal(plain.Scale.Select(s => Math.ScaleB(s, c.Exponent)), shifted.Scale);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Values_near_the_float64_limit_and_subnormal_values_standardise_like_small_integers()
    {
        var small = new Matrix(4, 1, [1.6, -1.6, 1.5, 0.0]);
        var huge = new Matrix(4, 1, [.. small.Data.Select(v => Math.ScaleB(v, 1023))]);
        Assert.Equal(1.438e308, huge[0, 0], 1e305);
        Assert.True(double.IsInfinity((huge[0, 0] - huge[1, 0]) * (huge[0, 0] - huge[1, 0])), "the plain formula would overflow here");
        Assert.Equal(Standardizer.Fit(small).Transform(small).Data, Standardizer.Fit(huge).Transform(huge).Data);

        var subnormal = new Matrix(3, 1, [double.Epsilon, 0.0, 2 * double.Epsilon]);
        var integers = new Matrix(3, 1, [1.0, 0.0, 2.0]);
        Assert.Equal(Standardizer.Fit(integers).Transform(integers).Data, Standardizer.Fit(subnormal).Transform(subnormal).Data);
    }

    [Fact]
    public void A_constant_column_keeps_its_value_as_mean_with_scale_one()
    {
        var x = new Matrix(3, 2, [0.1, 1, 0.1, 2, 0.1, 3]);
        Standardizer scaler = Standardizer.Fit(x);
        Assert.Equal(0.1, scaler.Mean[0]);
        Assert.Equal(1.0, scaler.Scale[0]);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(0.0, scaler.Transform(x)[i, 0]));
        Assert.Equal(0.3 - 0.1, scaler.Transform(new Matrix(1, 2, [0.3, 2]))[0, 0]);
    }

    [Fact]
    public void A_row_too_many_standard_deviations_out_is_refused_naming_the_feature()
    {
        var training = new LabeledData(new Matrix(4, 2, [0, 5, 1, 6, 0, 7, 1, 8]), [0, 1, 0, 1], ["a", "b"], "t.csv");
        Standardizer scaler = Standardizer.Fit(training);
        Assert.Equal((4e14 - 0.5) / 0.5, scaler.Transform(new Matrix(1, 2, [4e14, 6]))[0, 0]);
        var far = Assert.Throws<UserInputException>(() => scaler.Transform(new Matrix(1, 2, [1e16, 6])));
        Assert.Contains("t.csv: feature 'a': a value lies 2e+16 standard deviations from the training rows' mean, beyond the 1e+15", far.Message, StringComparison.Ordinal);
        var overflow = Assert.Throws<UserInputException>(() => Standardizer.Fit(new Matrix(2, 1, [0, 1e-300])).Transform(new Matrix(1, 1, [1e300])));
        Assert.Contains("feature 1: a value lies more standard deviations than float64 can hold", overflow.Message, StringComparison.Ordinal);
    }
}
