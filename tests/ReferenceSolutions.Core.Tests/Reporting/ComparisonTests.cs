using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Core.Tests.Reporting;

public class ComparisonTests
{
    private static readonly CheckDefinition Demo = new("core.demo", "core", CheckKinds.Consistency, "demo", "x = y", Tolerance.Float64Twin, ["test"], []);

    [Property(MaxTest = 200)]
    public void The_largest_difference_is_the_maximum_over_every_part(NormalFloat[] a, NormalFloat[] b, NormalFloat c, NormalFloat d)
    {
        int n = Math.Min(a.Length, b.Length);
        double[] x = [.. a.Take(n).Select(v => v.Get)], y = [.. b.Take(n).Select(v => v.Get)];
        var comparison = new Comparison("left", "right").Add("v", x, y).Add("s", c.Get, d.Get);
        double expected = Math.Abs(c.Get - d.Get);
        for (int i = 0; i < n; i++)
        {
            expected = Math.Max(expected, Math.Abs(x[i] - y[i]));
        }
        Assert.Equal(expected, comparison.MaxAbsDiff);
        Assert.Null(comparison.NonFinite);
        Assert.Equal(n + 1, comparison.Count);
    }

    [Theory]
    [InlineData(double.NaN, 1.0, "left: v[2] is NaN")]
    [InlineData(1.0, double.PositiveInfinity, "right: v[2] is Infinity")]
    [InlineData(double.NegativeInfinity, double.NegativeInfinity, "left: v[2] is -Infinity")]
    public void A_non_finite_value_on_either_side_fails_naming_its_side_and_index(double left, double right, string expected)
    {
        double[] x = [1, 2, left, 4], y = [1, 2, right, 4];
        var comparison = new Comparison("left", "right").Add("v", x, y).Add("after", 0.0, 0.0);
        Assert.True(double.IsNaN(comparison.MaxAbsDiff));
        Assert.Equal(expected, comparison.NonFinite);
        Assert.False(comparison.Within(double.MaxValue));
        ParityCheck check = ParityCheck.Of(Demo, comparison);
        Assert.False(check.Passed);
        Assert.Equal(expected, check.Failure);
    }

    [Fact]
    public void A_NaN_among_finite_parts_is_not_skipped_as_LINQ_Max_would()
    {
        double[] parts = [0.0, double.NaN, 1e-20];
        Assert.Equal(1e-20, parts.Max());
        var comparison = new Comparison("from-scratch", "torch").Add("μ", 0.0, 0.0).Add("P", [double.NaN, 0.0], [1.0, 0.0]).Add("Q", 1e-20, 0.0);
        Assert.False(comparison.Within(1e-10));
        Assert.Equal("from-scratch: P[0] is NaN", comparison.NonFinite);
    }

    [Fact]
    public void Matrices_are_compared_entry_by_entry_and_the_worst_entry_is_named()
    {
        var a = new Matrix(2, 3, [1, 2, 3, 4, 5, 6]);
        var b = new Matrix(2, 3, [1, 2, 3, 4, 5.5, 6]);
        var comparison = new Comparison("from-scratch", "mathnet").Add("U", a, b);
        Assert.Equal(0.5, comparison.MaxAbsDiff);
        Assert.Equal("U[1, 1]: from-scratch 5, mathnet 5.5", comparison.Worst);
        Assert.Throws<ArgumentException>(() => comparison.Add("V", a, new Matrix(3, 2)));
    }

    [Fact]
    public void A_relative_comparison_divides_by_its_scale_and_refuses_a_bad_scale()
    {
        Assert.Equal(0.25, new Comparison("a", "b").Add("σ", 10.0, 12.5, scale: 10.0).MaxAbsDiff);
        var zero = new Comparison("a", "b").Add("σ", 1.0, 1.0, scale: 0.0);
        Assert.False(zero.Within(1.0));
        Assert.Contains("scale 0", zero.NonFinite, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_compared_never_passes()
    {
        var empty = new Comparison("a", "b");
        Assert.False(empty.Within(1.0));
        Assert.False(ParityCheck.Of(Demo, empty).Passed);
    }

    [Fact]
    public void A_non_finite_difference_is_written_as_null_with_its_reason()
    {
        ParityCheck check = ParityCheck.Of(Demo, new Comparison("from-scratch", "torch").Add("b", 1.0, double.NaN));
        string json = JsonOutput.Serialize(check);
        Assert.Contains("\"maxAbsDiff\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"passed\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"failure\": \"torch: b is NaN\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calling_test_is_found_from_the_method_itself_a_lambda_and_an_async_continuation()
    {
        Assert.Equal($"{nameof(ComparisonTests)}.{nameof(The_calling_test_is_found_from_the_method_itself_a_lambda_and_an_async_continuation)}", ParityAssert.CallingTest());
        Func<string> lambda = () => ParityAssert.CallingTest();
        Assert.Equal($"{nameof(ComparisonTests)}.{nameof(The_calling_test_is_found_from_the_method_itself_a_lambda_and_an_async_continuation)}", lambda());
    }

    [Fact]
    public async Task The_calling_test_is_found_after_an_await()
    {
        await Task.Yield();
        Assert.Equal($"{nameof(ComparisonTests)}.{nameof(The_calling_test_is_found_after_an_await)}", ParityAssert.CallingTest());
    }

    [Property(MaxTest = 3)]
    public Property The_calling_test_is_found_inside_an_FsCheck_property() =>
        Prop.ForAll(Gen.Choose(0, 9).ToArbitrary(), _ => ParityAssert.CallingTest() == $"{nameof(ComparisonTests)}.{nameof(The_calling_test_is_found_inside_an_FsCheck_property)}");

    [Fact]
    public void A_test_not_listed_under_a_check_cannot_assert_it()
    {
        var comparison = new Comparison("a", "b").Add("x", 1.0, 1.0);
        Assert.ThrowsAny<Exception>(() => ParityAssert.Passes(Demo, comparison));
    }
}
