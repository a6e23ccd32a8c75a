using System.Numerics.Tensors;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// The predictive variance of a rating under ALS's user half-step read as Bayesian linear regression with the item
/// side fixed. For user u with nᵤ training ratings, xᵤ = [bᵤ; pᵤ] ∈ ℝ^{k+1}, zᵢ = [1; qᵢ], yᵤᵢ = r − μ − bᵢ and
/// Z: nᵤ×(k+1) with rows zᵢᵀ: yᵤ = Z·xᵤ + ε, ε ~ N(0, σ²I), prior xᵤ ~ N(0, σ²/(λnᵤ)·I) (the weighted-λ penalty of
/// <see cref="Als"/>). The posterior is N(Aᵤ⁻¹Zᵀyᵤ, σ²·Aᵤ⁻¹) with Aᵤ = ZᵀZ + λnᵤ·I — the half-step's own normal matrix,
/// its mean the half-step's solution — so a rating r = μ + bᵢ + zᵢᵀxᵤ + ε of item i has predictive variance
/// σ²·(1 + zᵢᵀAᵤ⁻¹zᵢ). zᵢᵀAᵤ⁻¹zᵢ = ‖L⁻¹zᵢ‖² with Aᵤ = L·Lᵀ (Cholesky, as in the half-step); for nᵤ &lt; k + 1, as
/// there, through K = ZZᵀ + c·I (c = λnᵤ): Aᵤ⁻¹ = (I − Zᵀ·K⁻¹·Z)/c (Woodbury), so zᵀAᵤ⁻¹z = (‖z‖² − ‖L_K⁻¹Z·z‖²)/c.
/// σ² is estimated as RSS/(N − df) over the N training ratings, RSS of the model's unclipped predictions and
/// df = Σᵤ tr(Zᵤ·Aᵤ⁻¹·Zᵤᵀ) the effective degrees of freedom of the user half-step (tr = (k + 1) − c·tr(Aᵤ⁻¹), or
/// nᵤ − c·tr(K⁻¹)). Ignored: the uncertainty of the item side, of μ and of λ's choice, and clipping. One user's
/// system at a time: memory O(k² + nᵤk). Derivation: docs/recommender.md#predictive-intervals.
/// </summary>
public sealed class PredictiveVariance
{
    private readonly BiasedMf _model;
    private readonly RatingSet _train;
    private readonly int[][] _byUser;
    private readonly double _lambda;

    private PredictiveVariance(BiasedMf model, RatingSet train, int[][] byUser, double lambda, double noiseVariance, double degreesOfFreedom)
    {
        _model = model;
        _train = train;
        _byUser = byUser;
        _lambda = lambda;
        NoiseVariance = noiseVariance;
        DegreesOfFreedom = degreesOfFreedom;
    }

    /// <summary>σ², the noise variance the intervals use (NaN when N ≤ df: no residual degree of freedom is left).</summary>
    public double NoiseVariance { get; }

    /// <summary>df = Σᵤ tr(Zᵤ·Aᵤ⁻¹·Zᵤᵀ), the user half-step's effective degrees of freedom.</summary>
    public double DegreesOfFreedom { get; }

    /// <summary>
    /// The predictive variance of <paramref name="model"/> (any biased MF whose weighted-λ user half-step is taken
    /// around its item side) on <paramref name="train"/>, σ² = RSS/(N − df) estimated there. df and RSS are summed in
    /// user and in rating order, their terms computed on every core (<see cref="OrderedSum"/>).
    /// </summary>
    public static PredictiveVariance Fit(BiasedMf model, RatingSet train, double lambda)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        int[][] byUser = train.ByUser();
        var variance = new PredictiveVariance(model, train, byUser, lambda, 1.0, 0.0);
        double df = OrderedSum.Of(byUser.Length, u => byUser[u].Length > 0 ? variance.System(u).DegreesOfFreedom() : 0.0);
        double rss = OrderedSum.Of(train.Count, r =>
        {
            double e = train.Values[r] - model.Predict(train.Users[r], train.Items[r]);
            return e * e;
        });
        double noise = train.Count > df ? rss / (train.Count - df) : double.NaN;
        return new PredictiveVariance(model, train, byUser, lambda, noise, df);
    }

    /// <summary>The same posterior with σ² = <paramref name="noiseVariance"/> given instead of estimated.</summary>
    public PredictiveVariance WithNoiseVariance(double noiseVariance) => new(_model, _train, _byUser, _lambda, noiseVariance, DegreesOfFreedom);

    /// <summary>Whether user <paramref name="user"/> has training ratings (a cold user has no proper posterior: λnᵤ = 0).</summary>
    public bool HasPosterior(int user) => _byUser[user].Length > 0;

    /// <summary>σ²·(1 + zᵢᵀAᵤ⁻¹zᵢ) for each item i of <paramref name="items"/>, one factorisation of user <paramref name="user"/>'s system.</summary>
    public double[] ForUser(int user, IReadOnlyList<int> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!HasPosterior(user))
        {
            throw new ArgumentException($"user index {user} has no training ratings: no posterior", nameof(user));
        }
        UserSystem system = System(user);
        double[] z = new double[_model.Factors + 1];
        double[] variances = new double[items.Count];
        for (int t = 0; t < items.Count; t++)
        {
            Features(items[t], z);
            variances[t] = NoiseVariance * (1.0 + system.QuadraticForm(z));
        }
        return variances;
    }

    /// <summary>zᵢ = [1; qᵢ] into <paramref name="z"/>.</summary>
    private void Features(int item, Span<double> z)
    {
        z[0] = 1.0;
        _model.Q.Row(item).CopyTo(z[1..]);
    }

    private UserSystem System(int user)
    {
        int[] ratings = _byUser[user];
        int k = _model.Factors;
        var zRows = new Matrix(ratings.Length, k + 1); // (nᵤ, k+1): row t is zᵀ of rating t
        for (int t = 0; t < ratings.Length; t++)
        {
            Features(_train.Items[ratings[t]], zRows.Row(t));
        }
        return new UserSystem(zRows, _lambda * ratings.Length);
    }

    /// <summary>
    /// User u's Aᵤ = ZᵀZ + c·I, factored as L·Lᵀ when nᵤ ≥ k + 1, else through K = ZZᵀ + c·I = L_K·L_Kᵀ (push-through).
    /// </summary>
    private sealed class UserSystem
    {
        private readonly Matrix _zRows;
        private readonly double _ridge;
        private readonly Cholesky _factor;
        private readonly bool _pushThrough;

        public UserSystem(Matrix zRows, double ridge)
        {
            _zRows = zRows;
            _ridge = ridge;
            int n = zRows.Rows, d = zRows.Columns;
            _pushThrough = n < d;
            var a = new Matrix(_pushThrough ? n : d, _pushThrough ? n : d);
            if (_pushThrough)
            {
                for (int s = 0; s < n; s++)
                {
                    for (int t = 0; t <= s; t++)
                    {
                        a[s, t] = TensorPrimitives.Dot<double>(zRows.Row(s), zRows.Row(t)); // ZZᵀ: (n, d)·(d, n) → (n, n)
                    }
                }
            }
            else
            {
                for (int r = 0; r < n; r++)
                {
                    ReadOnlySpan<double> z = zRows.Row(r);
                    for (int s = 0; s < d; s++)
                    {
                        Span<double> row = a.Row(s)[..(s + 1)];
                        TensorPrimitives.MultiplyAdd(z[..(s + 1)], z[s], row, row); // ZᵀZ: (d, n)·(n, d) → (d, d)
                    }
                }
            }
            for (int s = 0; s < a.Rows; s++)
            {
                a[s, s] += ridge;
            }
            _factor = Cholesky.Factor(a);
        }

        /// <summary>zᵀAᵤ⁻¹z: ‖L⁻¹z‖², or (‖z‖² − ‖L_K⁻¹Z·z‖²)/c.</summary>
        public double QuadraticForm(ReadOnlySpan<double> z)
        {
            if (!_pushThrough)
            {
                double[] v = Triangular.SolveLower(_factor.L, z);
                return TensorPrimitives.Dot<double>(v, v);
            }
            double[] zz = new double[_zRows.Rows];
            for (int t = 0; t < zz.Length; t++)
            {
                zz[t] = TensorPrimitives.Dot(_zRows.Row(t), z); // Z·z: (n, d)·(d) → (n)
            }
            double[] w = Triangular.SolveLower(_factor.L, zz);
            return Math.Max(TensorPrimitives.Dot(z, z) - TensorPrimitives.Dot<double>(w, w), 0.0) / _ridge;
        }

        /// <summary>tr(Z·Aᵤ⁻¹·Zᵀ) = (k + 1) − c·‖L⁻¹‖²_F, or nᵤ − c·‖L_K⁻¹‖²_F.</summary>
        public double DegreesOfFreedom()
        {
            int size = _factor.L.Rows;
            Matrix inverse = Triangular.SolveLower(_factor.L, Matrix.Identity(size));
            double frobenius = TensorPrimitives.Dot<double>(inverse.Data, inverse.Data);
            return size - (_ridge * frobenius);
        }
    }
}
