using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Core.Tests.LinearAlgebra;

public class MatrixTests
{
    [Fact]
    public void Storage_is_row_major_and_rows_are_views()
    {
        var a = Matrix.FromRows([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], a.Data);
        a.Row(1)[0] = 40.0;
        Assert.Equal(40.0, a[1, 0]);
        Assert.Equal([2.0, 5.0], a.Column(1));
    }

    [Fact]
    public void Transpose_swaps_indices_across_block_boundaries()
    {
        Matrix a = Generators.Gaussian(1, 67, 35);
        Matrix t = a.Transpose();
        for (int i = 0; i < a.Rows; i++)
        {
            for (int j = 0; j < a.Columns; j++)
            {
                Assert.Equal(a[i, j], t[j, i]);
            }
        }
    }

    [Fact]
    public void Out_of_range_access_and_bad_shapes_are_refused()
    {
        var a = new Matrix(2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2, 0]);
        Assert.Throws<ArgumentException>(() => new Matrix(2, 2, new double[3]));
        Assert.Throws<ArgumentException>(() => Matrix.FromRows([[1.0], [1.0, 2.0]]));
        Assert.Throws<ArgumentException>(() => a + new Matrix(3, 2));
        Assert.Throws<ArgumentException>(() => a.Multiply([1.0, 2.0]));
    }

    [Fact]
    public void A_shape_mismatch_names_the_parameter_and_both_shapes()
    {
        var a = new Matrix(2, 3);
        a.RequireSameShape(new Matrix(2, 3), "b");
        var error = Assert.Throws<ArgumentException>(() => a.RequireSameShape(new Matrix(3, 2), "b"));
        Assert.Equal("b", error.ParamName);
        Assert.Contains("3×2", error.Message, StringComparison.Ordinal);
        Assert.Contains("2×3", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => a.RequireSameShape(null!, "b"));
    }

    [Fact]
    public void Matrix_vector_product_matches_the_definition()
    {
        var a = Matrix.FromRows([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
        Assert.Equal([5.0, 11.0, 17.0], a.Multiply([1.0, 2.0]));
    }
}
