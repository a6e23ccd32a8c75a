namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// A tall r×c A (r ≥ c) as A = Q·[B; 0]·Pᵀ: B upper bidiagonal (diagonal <see cref="D"/>, superdiagonal <see cref="E"/>),
/// Q = H₀·…·H_{c−1} (<see cref="Left"/>, vectors of length r starting at index k) and P = G₀·…·G_{c−1}
/// (<see cref="Right"/>, vectors of length c starting at index k + 1; G_{c−2} and G_{c−1} are I).
/// </summary>
internal sealed record HouseholderBidiagonal(double[] D, double[] E, HouseholderProduct Left, HouseholderProduct Right);
