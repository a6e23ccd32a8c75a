using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.SolutionName.Tests;

/// <summary>
/// The twin check on the built-in data (three seeds), a negative control that must fail it (the twin given the wrong
/// penalty), and an injected NaN on either side, which must fail it naming the side.
/// </summary>
public class RidgeParityTests
{
    private const double Lambda = SolutionNameRun.Lambda;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Twin_matches_from_scratch(ulong seed)
    {
        (Matrix x, double[] y) = SolutionNameData.Generate(SolutionNameRun.TrainRows, seed);
        RidgeModel scratch = RidgeRegression.Fit(x, y, Lambda);
        (RidgeModel twin, double scale) = SolutionNameRun.FitTwin(x, y, Lambda, scratch, seed);
        ParityAssert.Passes(SolutionNameChecks.Twin, RidgeParity.Theta(scratch, twin, SolutionNameModels.Twin, scale));
    }

#if (TwinTorch)
    [Fact]
    public void Twin_without_the_penalty_lands_outside_the_tolerance()
    {
        (Matrix x, double[] y) = SolutionNameData.Generate(SolutionNameRun.TrainRows, 1);
        RidgeModel scratch = RidgeRegression.Fit(x, y, Lambda);
        RidgeModel unpenalised = TorchRidge.Fit(x, y, 0.0);
        ParityAssert.Fails(SolutionNameChecks.Twin, RidgeParity.Theta(scratch, unpenalised, SolutionNameModels.Twin, TorchRidge.ParityScale(scratch)));
    }
#else
    [Fact]
    public void Twin_with_L2_not_scaled_by_n_lands_outside_the_tolerance()
    {
        (Matrix x, double[] y) = SolutionNameData.Generate(SolutionNameRun.TrainRows, 1);
        RidgeModel scratch = RidgeRegression.Fit(x, y, Lambda);
        RidgeModel unscaled = MLNetRidge.FitWithL2(x, y, (float)Lambda, 1);
        ParityAssert.Fails(SolutionNameChecks.Twin, RidgeParity.Theta(scratch, unscaled, SolutionNameModels.Twin, MLNetRidge.ParityScale(x, y, Lambda, unscaled)));
    }
#endif

    [Theory]
    [InlineData(true, double.NaN)]
    [InlineData(false, double.NaN)]
    [InlineData(false, double.PositiveInfinity)]
    public void Twin_check_fails_on_a_NaN_from_either_side(bool inScratch, double bad)
    {
        var scratch = new RidgeModel(0.5, [1.0, -2.0]);
        RidgeModel twin = scratch with { Weights = [1.0, inScratch ? -2.0 : bad] };
        RidgeModel left = inScratch ? scratch with { Weights = [bad, -2.0] } : scratch;
        Comparison comparison = RidgeParity.Theta(left, twin, SolutionNameModels.Twin, 1.0);
        ParityAssert.Fails(SolutionNameChecks.Twin, comparison);
        Assert.StartsWith(inScratch ? SolutionNameModels.FromScratch : SolutionNameModels.Twin, comparison.NonFinite);
        Assert.False(SolutionNameChecks.Twin.Measure(comparison).Passed);
    }
}
