using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Explanations;

/// <summary>
/// ML.NET's twins of the explanations, as its source defines them (dotnet/machinelearning):
/// <list type="bullet">
/// <item><c>CalculateFeatureContribution</c> on a linear model (<c>LinearModelParameters.GetFeatureContributions</c>):
/// cⱼ = wⱼ·xⱼ in float32 (one rounding of the product of float32 w and x), then <c>VectorUtils.SparsifyNormalize</c>
/// keeps the <c>numberOfPositiveContributions</c> largest positive and <c>numberOfNegativeContributions</c> most
/// negative values (every other entry, and every exact 0, becomes 0) and, when <c>normalize</c> (the default), multiplies
/// the kept values by the float32 1/max|cⱼ| of the row, so each row lies in [−1, 1].</item>
/// <item><c>BinaryClassification.PermutationFeatureImportance</c>: the baseline and each permuted copy are scored by the
/// model and judged by <c>EvaluateNonCalibrated</c> (AUC from the Score column; no log-loss); a repeat reports permuted −
/// baseline; the permutations are shuffles of one float32 buffer of the feature's values by a generator seeded from the
/// environment's, so a fresh <c>MLContext(seed)</c> makes them repeatable; every row is used (numberOfExamplesToUse
/// null); the statistics are the mean and the standard error s/√R (<c>SummaryStatistics.StandardErrorMean</c>).</item>
/// </list>
/// </summary>
public static class MLNetExplanations
{
    /// <summary>
    /// ML.NET's contributions (n×d) of the logistic regression <paramref name="transformer"/> on rows X (n×d), all d kept
    /// (numberOfPositiveContributions = numberOfNegativeContributions = d), normalised per row or not.
    /// </summary>
    public static Matrix Contributions(ITransformer transformer, Matrix x, bool normalize)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentNullException.ThrowIfNull(x);
        var ml = new MLContext(0);
        IDataView data = MLNetData.Load(ml, x, new int[x.Rows]);
        var model = (ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>)transformer;
        IDataView scored = ml.Transforms.CalculateFeatureContribution(model, x.Columns, x.Columns, normalize).Fit(data).Transform(data);
        var c = new Matrix(x.Rows, x.Columns);
        int i = 0;
        foreach (VBuffer<float> row in scored.GetColumn<VBuffer<float>>("FeatureContributions"))
        {
            int j = 0;
            foreach (float value in row.DenseValues())
            {
                c[i, j++] = value;
            }
            i++;
        }
        return c;
    }

    /// <summary>
    /// ML.NET's PFI of the binary classifier <paramref name="transformer"/> on rows X (n×d) with labels y (n), R =
    /// <paramref name="repeats"/> permutations per feature drawn from <c>MLContext(seed)</c>: per feature the AUC drop
    /// (the negated mean of ML.NET's permuted − baseline) and its standard error; the log-loss pair is NaN.
    /// </summary>
    public static FeatureImportance[] PermutationImportance(ITransformer transformer, Matrix x, int[] y, IReadOnlyList<string> names, int repeats, int seed)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentNullException.ThrowIfNull(names);
        var ml = new MLContext(seed);
        IDataView data = MLNetData.Load(ml, x, y);
        ImmutableArray<BinaryClassificationMetricsStatistics> statistics = ml.BinaryClassification.PermutationFeatureImportance(
            (ISingleFeaturePredictionTransformer<object>)transformer, data, permutationCount: repeats);
        return [.. statistics.Select((s, j) => new FeatureImportance(names[j], -s.AreaUnderRocCurve.Mean, s.AreaUnderRocCurve.StandardError, double.NaN, double.NaN))];
    }
}
