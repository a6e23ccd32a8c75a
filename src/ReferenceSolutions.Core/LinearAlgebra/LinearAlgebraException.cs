namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>A matrix is not of the kind an algorithm needs (singular, not positive definite, not finite).</summary>
public sealed class LinearAlgebraException(string message) : Exception(message);
