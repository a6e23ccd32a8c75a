using FsCheck.Xunit;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// Closed forms of the update rules, independent of TorchSharp (consistency checks): each compares θ after the rule's
/// steps with the closed form, relative to max(1, |θ₀|), within <see cref="NeuralNetChecks.OptimizerClosedForms"/>'s tolerance.
/// </summary>
public class OptimizerRuleTests
{
    /// <summary>
    /// Adam's first step: m̂ = g and v̂ = g², so θ₁ = θ₀ − η·g/(|g| + ε). That is η·sign(g) only when |g| ≫ ε: at
    /// |g| = ε the step is η/2, and it vanishes with g. The generator's doubles include both regimes.
    /// </summary>
    [Property(MaxTest = 100)]
    public void AdamFirstStepIsGOverAbsGPlusEpsilon(double g, double theta)
    {
        if (!double.IsFinite(g) || !double.IsFinite(theta) || Math.Abs(g) > 1e6 || Math.Abs(theta) > 1e6)
        {
            return;
        }
        foreach (double gradient in new[] { g, g * 1e-8, 1e-8 })
        {
            double[] value = [theta];
            var adam = new Adam([new Parameter("p", value, [gradient])], learningRate: 0.01);
            adam.Step();
            double expected = theta - (0.01 * gradient / (Math.Abs(gradient) + 1e-8));
            ParityAssert.Passes(NeuralNetChecks.OptimizerClosedForms,
                new Comparison("from-scratch", "closed form").Add($"θ₁ (g = {gradient:R})", value[0], expected, Math.Max(1.0, Math.Abs(theta))));
        }
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
        var comparison = new Comparison("from-scratch", "closed form");
        for (int t = 1; t <= 50; t++)
        {
            sgd.Step();
            double v = g * (1 - Math.Pow(mu, t)) / (1 - mu);
            expected -= lr * (nesterov ? g + (mu * v) : v);
            comparison.Add($"θ after step {t}", value[0], expected);
        }
        ParityAssert.Passes(NeuralNetChecks.OptimizerClosedForms, comparison);
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
        ParityAssert.Passes(NeuralNetChecks.OptimizerClosedForms,
            new Comparison("from-scratch", "closed form").Add("θ after 100 steps", value[0], 2.0 * Math.Pow(1 - 0.001, 100), 2.0));
    }
}
