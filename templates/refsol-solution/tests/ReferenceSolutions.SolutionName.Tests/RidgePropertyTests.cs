using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.SolutionName.Tests;

/// <summary>
/// Over random shapes (n from 1 to 200 rows, d from 1 to 10 features, n &lt; d + 1 included: λ &gt; 0 keeps A positive
/// definite), scales and penalties, the from-scratch θ solves the normal equations rebuilt row by row, and a θ fitted
/// with another λ does not.
/// </summary>
public class RidgePropertyTests
{
    public static Arbitrary<Problem> Problems() =>
        (from n in Gen.Choose(1, 200)
         from d in Gen.Choose(1, 10)
         from logLambda in Gen.Choose(-2, 3)
         from logScale in Gen.Choose(-3, 3)
         from seed in ArbMap.Default.GeneratorFor<ulong>()
         select new Problem(n, d, Math.Pow(10, logLambda), Math.Pow(10, logScale), seed)).ToArbitrary();

    [Property(Arbitrary = [typeof(RidgePropertyTests)], MaxTest = 100)]
    public void Fitted_theta_solves_the_normal_equations(Problem problem)
    {
        (Matrix x, double[] y) = problem.Data();
        RidgeModel model = RidgeRegression.Fit(x, y, problem.Lambda);
        ParityAssert.Passes(SolutionNameChecks.NormalEquations, RidgeParity.NormalEquations(x, y, problem.Lambda, model));
    }

    [Fact]
    public void A_theta_off_by_its_penalty_fails_the_normal_equations()
    {
        (Matrix x, double[] y) = SolutionNameData.Generate(SolutionNameRun.TrainRows, 1);
        RidgeModel model = RidgeRegression.Fit(x, y, SolutionNameRun.Lambda);
        ParityAssert.Fails(SolutionNameChecks.NormalEquations, RidgeParity.NormalEquations(x, y, 2 * SolutionNameRun.Lambda, model));
    }

    /// <summary>n rows, d features scaled by <paramref name="Scale"/>, λ and the data's seed.</summary>
    public sealed record Problem(int Rows, int Features, double Lambda, double Scale, ulong Seed)
    {
        /// <summary>X ~ Scale·N(0, 1) (n×d) and y = X·1 + N(0, 1).</summary>
        public (Matrix X, double[] Y) Data()
        {
            var rng = new Rng(Seed);
            Matrix x = Scale * rng.GaussianMatrix(Rows, Features);
            double[] y = x.Multiply([.. Enumerable.Repeat(1.0, Features)]);
            for (int i = 0; i < Rows; i++)
            {
                y[i] += rng.Gaussian();
            }
            return (x, y);
        }
    }
}
