using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Core.Tests.Native;

/// <summary>The process's width: the hardware's widest unless REFSOL_VECTOR_WIDTH asks for a narrower one; wider or unknown requests are refused with a note.</summary>
public class VectorWidthTests
{
    [Fact]
    public void Hardware_width_is_the_widest_accelerated_vector()
    {
        SimdWidth expected = Vector512.IsHardwareAccelerated ? SimdWidth.Vector512 : Vector256.IsHardwareAccelerated ? SimdWidth.Vector256 : SimdWidth.Scalar;
        Assert.Equal(expected, VectorWidth.Hardware);
        Assert.True(VectorWidth.Current <= VectorWidth.Hardware);
    }

    [Theory]
    [InlineData(null, SimdWidth.Vector512, SimdWidth.Vector512)]
    [InlineData("", SimdWidth.Vector256, SimdWidth.Vector256)]
    [InlineData("512", SimdWidth.Vector512, SimdWidth.Vector512)]
    [InlineData("256", SimdWidth.Vector512, SimdWidth.Vector256)]
    [InlineData(" Scalar ", SimdWidth.Vector512, SimdWidth.Scalar)]
    [InlineData("64", SimdWidth.Vector256, SimdWidth.Scalar)]
    [InlineData("scalar", SimdWidth.Scalar, SimdWidth.Scalar)]
    public void A_request_no_wider_than_the_hardware_is_granted_without_a_note(string? requested, SimdWidth hardware, SimdWidth expected)
    {
        (SimdWidth width, string? note) = VectorWidth.Choose(requested, hardware);
        Assert.Equal(expected, width);
        Assert.Null(note);
    }

    [Theory]
    [InlineData("512", SimdWidth.Vector256, "wider than this CPU accelerates")]
    [InlineData("256", SimdWidth.Scalar, "wider than this CPU accelerates")]
    [InlineData("128", SimdWidth.Vector512, "is not 512, 256 or scalar")]
    [InlineData("avx2", SimdWidth.Vector256, "is not 512, 256 or scalar")]
    public void A_wider_or_unknown_request_is_refused_and_said_so(string requested, SimdWidth hardware, string reason)
    {
        (SimdWidth width, string? note) = VectorWidth.Choose(requested, hardware);
        Assert.Equal(hardware, width);
        Assert.NotNull(note);
        Assert.Contains(reason, note);
        Assert.Contains($"REFSOL_VECTOR_WIDTH={requested}", note);
    }
}
