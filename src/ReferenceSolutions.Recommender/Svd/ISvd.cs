using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>An exact thin SVD A = U·diag(S)·Vᵀ (see <see cref="SvdResult"/> for shapes, order and signs).</summary>
public interface ISvd
{
    /// <summary>The implementation's name in reports: <c>from-scratch</c>, <c>torch</c>, ….</summary>
    string Name { get; }

    /// <summary>Decomposes <paramref name="a"/> (not modified).</summary>
    SvdResult Decompose(Matrix a);
}
