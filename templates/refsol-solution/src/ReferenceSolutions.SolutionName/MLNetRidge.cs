using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// The ML.NET twin: <c>Sdca</c> regression set up to minimise our objective. ML.NET's SDCA with its
/// <c>SquaredLoss</c> (L(ŷ, y) = (ŷ − y)², no ½) minimises P(θ) = (1/n)·Σᵢ (x̃ᵢ·θ − yᵢ)² + (λ₂/2)·‖θ‖² over θ = (b, w)
/// when the bias is a regularised coordinate (<c>BiasLearningRate = 0</c>; the regression trainer's default is 1, an
/// unregularised bias found by successive over-relaxation) and <c>L1Regularization = 0</c>. ∇P = 0 ⇔
/// (X̃ᵀX̃ + (n·λ₂/2)·I)·θ = X̃ᵀy, so λ₂ = <see cref="L2For"/>(λ, n) = 2λ/n gives our θ. SDCA is iterative and in
/// float32: it stops once its duality gap G = P(θ) − D(α) ≤ ε·P(θ) (ε = <see cref="ConvergenceTolerance"/>). P is
/// λ₂-strongly convex, so P(θ) − P(θ*) ≥ (λ₂/2)·‖θ − θ*‖², and P(θ) − P(θ*) ≤ G: hence
/// ‖θ − θ*‖₂ ≤ √(2G/λ₂) ≤ √ε · √(2·P(θ)/λ₂). The twin check divides |θ_mlnet − θ_scratch| by
/// s = √(2·P(θ_mlnet)/λ₂) (<see cref="ParityScale"/>) and so has the derived tolerance √ε. One thread, no shuffling and
/// a seeded <see cref="MLContext"/> make the result reproducible. Source read: ML.NET's SdcaBinary.cs
/// (SdcaTrainerBase.TrainCore, CheckConvergence) and LossFunctions.cs (SquaredLoss).
/// </summary>
public static class MLNetRidge
{
    /// <summary>ε: SDCA stops when its duality gap is at most ε times its primal objective.</summary>
    public const float ConvergenceTolerance = 1e-5f;

    /// <summary>An upper bound on SDCA's passes over the data; it stops earlier on the duality gap.</summary>
    public const int MaximumIterations = 2000;

    /// <summary>λ₂ = 2λ/n: ML.NET's L2 regularisation that makes its objective ours divided by n.</summary>
    public static double L2For(double lambda, int rows) => 2.0 * lambda / rows;

    /// <summary>Fits SDCA on X (n×d, rounded to float32 once) and y with λ₂ = <see cref="L2For"/>(λ, n).</summary>
    public static RidgeModel Fit(Matrix x, IReadOnlyList<double> y, double lambda, ulong seed) => FitWithL2(x, y, (float)L2For(lambda, x.Rows), seed);

    /// <summary>Fits SDCA with ML.NET's L2 regularisation <paramref name="l2"/> given as is (the negative control passes λ here).</summary>
    public static RidgeModel FitWithL2(Matrix x, IReadOnlyList<double> y, float l2, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var ml = new MLContext(unchecked((int)seed));
        var rows = new Row[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            float[] features = new float[x.Columns];
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < x.Columns; j++)
            {
                features[j] = (float)row[j];
            }
            rows[i] = new Row { Features = features, Label = (float)y[i] };
        }
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, x.Columns);
        IDataView data = ml.Data.LoadFromEnumerable(rows, schema);
        var options = new SdcaRegressionTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            L2Regularization = l2,
            L1Regularization = 0,
            BiasLearningRate = 0,
            ConvergenceTolerance = ConvergenceTolerance,
            MaximumNumberOfIterations = MaximumIterations,
            Shuffle = false,
            NumberOfThreads = 1,
        };
        LinearRegressionModelParameters model = ml.Regression.Trainers.Sdca(options).Fit(data).Model;
        return new RidgeModel(model.Bias, [.. model.Weights.Select(w => (double)w)]);
    }

    /// <summary>
    /// s = √(2·P(θ_mlnet)/λ₂), P(θ) = (1/n)·‖X̃θ − y‖² + (λ₂/2)·‖θ‖² evaluated in float64: ‖θ_mlnet − θ*‖₂ ≤ √ε·s.
    /// </summary>
    public static double ParityScale(Matrix x, IReadOnlyList<double> y, double lambda, RidgeModel twin)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(twin);
        double l2 = L2For(lambda, x.Rows);
        double[] predicted = twin.Predict(x);
        double loss = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            double r = predicted[i] - y[i];
            loss += r * r;
        }
        double[] theta = twin.Theta;
        double objective = (loss / x.Rows) + (0.5 * l2 * System.Numerics.Tensors.TensorPrimitives.Dot(theta, theta));
        return Math.Sqrt(2.0 * objective / l2);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
