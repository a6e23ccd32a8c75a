using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Core.Tests.LinearAlgebra;

public class NormsTests
{
    [Property(MaxTest = 100)]
    public void Norms_match_MathNet(PositiveInt rows, PositiveInt columns, ulong seed)
    {
        Matrix a = Generators.Gaussian(seed, 1 + (rows.Get % 30), 1 + (columns.Get % 30));
        var oracle = Generators.ToMathNet(a);
        ParityAssert.Passes(CoreChecks.NormsVsMathNet, new Comparison("from-scratch", "mathnet")
            .Add("‖A‖_F", Norms.Frobenius(a), oracle.FrobeniusNorm(), scale: oracle.FrobeniusNorm())
            .Add("‖A‖₁", Norms.One(a), oracle.L1Norm(), scale: oracle.L1Norm())
            .Add("‖A‖∞", Norms.Infinity(a), oracle.InfinityNorm(), scale: oracle.InfinityNorm()));
    }

    [Fact]
    public void Euclidean_norm_neither_overflows_nor_underflows()
    {
        Assert.Equal(5e300, Norms.Euclidean([3e300, 4e300]), 1e288);
        Assert.Equal(5e-300, Norms.Euclidean([3e-300, 4e-300]), 1e-312);
    }

    [Fact]
    public void Max_abs_diff_of_NaN_is_NaN_so_it_never_passes_a_tolerance()
    {
        Assert.True(double.IsNaN(Norms.MaxAbsDiff([1.0, double.NaN], [1.0, 2.0])));
    }
}
