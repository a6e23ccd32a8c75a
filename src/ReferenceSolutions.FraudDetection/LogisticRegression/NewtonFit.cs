namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// What a Newton solve returned: the model, the iterations taken, and whether it met its stopping rule
/// t·‖Δ‖∞ ≤ tolerance·(1 + ‖θ‖∞) (<see cref="Converged"/>) — or ran out of iterations, or met a Hessian that is not
/// numerically positive definite. <see cref="LastRelativeStep"/> is the last accepted step t·‖Δ‖∞/(1 + ‖θ‖∞). A fit
/// that did not converge is not the minimiser: with λ = 0 on separable classes f has no finite minimiser, ‖θ‖ grows
/// every step, every pᵢ(1 − pᵢ) shrinks towards 0, and one of the two stops comes.
/// </summary>
public sealed record NewtonFit(LogisticModel Model, int Iterations, bool Converged, double LastRelativeStep);
