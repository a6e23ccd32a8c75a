using FsCheck.Xunit;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>Closed forms of the update rules, independent of TorchSharp.</summary>
public class OptimizerRuleTests
{
    /// <summary>Adam's first step: m̂ = g and v̂ = g², so θ₁ = θ₀ − η·g/(|g| + ε) (bias correction exactly undoes the β's).</summary>
    [Property(MaxTest = 50)]
    public void AdamFirstStepIsLearningRateTimesSign(double g, double theta)
    {
        if (!double.IsFinite(g) || !double.IsFinite(theta) || Math.Abs(g) > 1e6 || Math.Abs(theta) > 1e6)
        {
            return;
        }
        double[] value = [theta];
        var adam = new Adam([new Parameter("p", value, [g])], learningRate: 0.01);
        adam.Step();
        double expected = theta - (0.01 * g / (Math.Abs(g) + 1e-8));
        Assert.True(Math.Abs(value[0] - expected) <= 1e-12 * Math.Max(1.0, Math.Abs(theta)), $"{value[0]:R} vs {expected:R}");
    }

    /// <summary>Momentum under a constant gradient g: vₜ = g·(1 − μᵗ)/(1 − μ), so θ_T = θ₀ − η·g·Σₜ (1 − μᵗ)/(1 − μ).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MomentumUnderAConstantGradientFollowsTheGeometricSeries(bool nesterov)
    {
        const double g = 0.3, lr = 0.1, mu = 0.9;
        double[] value = [1.0];
        var sgd = new Sgd([new Parameter("p", value, [g])], lr, mu, nesterov);
        double expected = 1.0;
        for (int t = 1; t <= 50; t++)
        {
            sgd.Step();
            double v = g * (1 - Math.Pow(mu, t)) / (1 - mu);
            expected -= lr * (nesterov ? g + (mu * v) : v);
        }
        Assert.True(Math.Abs(value[0] - expected) <= 1e-12, $"{value[0]:R} vs {expected:R}");
    }

    /// <summary>AdamW with a zero gradient only decays: θ_T = θ₀·(1 − ηλ)ᵀ.</summary>
    [Fact]
    public void AdamWWithoutGradientDecaysGeometrically()
    {
        double[] value = [2.0];
        var adamw = new Adam([new Parameter("p", value, [0.0])], 0.01, weightDecay: 0.1, decoupled: true);
        for (int t = 0; t < 100; t++)
        {
            adamw.Step();
        }
        Assert.True(Math.Abs(value[0] - (2.0 * Math.Pow(1 - 0.001, 100))) <= 1e-13);
    }
}
