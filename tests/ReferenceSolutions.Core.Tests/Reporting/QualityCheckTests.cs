using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Tests.Reporting;

/// <summary>A quality value that is not a number never meets its target, and is written as JSON <c>null</c>.</summary>
public class QualityCheckTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_value_that_is_not_finite_fails_either_comparison_and_is_written_as_null(double value)
    {
        QualityCheck atLeast = QualityCheck.AtLeast("test accuracy", value, 0.97);
        QualityCheck atMost = QualityCheck.AtMost("test RMSE", value, 0.86);

        Assert.False(atLeast.Passed);
        Assert.False(atMost.Passed);
        Assert.Contains("\"value\": null", JsonOutput.Serialize(atLeast), StringComparison.Ordinal);
    }

    [Fact]
    public void A_finite_value_is_compared_and_written_as_itself()
    {
        Assert.True(QualityCheck.AtLeast("a", 0.97, 0.97).Passed);
        Assert.False(QualityCheck.AtLeast("a", 0.9699999, 0.97).Passed);
        Assert.True(QualityCheck.AtMost("b", 0.86, 0.86).Passed);
        Assert.Contains("\"value\": 0.97", JsonOutput.Serialize(QualityCheck.AtLeast("a", 0.97, 0.5)), StringComparison.Ordinal);
    }
}
