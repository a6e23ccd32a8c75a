using System.Numerics.Tensors;

namespace ReferenceSolutions.NeuralNet.Evaluation;

/// <summary>
/// Test-set metrics computed the same way for every model, from outputs Z or probabilities P: N×C and classes y. A row
/// with a NaN or ±∞ output (a diverged network) has no probabilities (its row of P is NaN) and predicts no class (−1),
/// so the accuracy and the log-loss over it are NaN: not computed, never a number made up for it.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Probabilities are clipped to [1e-15, 1] inside the log so one confident mistake costs at most 34.5 nats.</summary>
    public const double ProbabilityFloor = 1e-15;

    /// <summary>
    /// Row-wise softmax P = exp(Z − m)/Σ exp(Z − m), m the row's largest output, so no exponent overflows whatever the
    /// size of the logits (e^{z−m} ≤ 1, and the sum is ≥ 1): N×C. A row holding a NaN or ±∞ output is NaN.
    /// </summary>
    public static Matrix Softmax(Matrix outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var p = new Matrix(outputs.Rows, outputs.Columns);
        for (int n = 0; n < outputs.Rows; n++)
        {
            Span<double> row = p.Row(n);
            if (!IsFinite(outputs.Row(n)))
            {
                row.Fill(double.NaN);
                continue;
            }
            TensorPrimitives.Subtract(outputs.Row(n), TensorPrimitives.Max<double>(outputs.Row(n)), row);
            TensorPrimitives.SoftMax(row, row);
        }
        return p;
    }

    /// <summary>The predicted class of each row: argmax over C (the first on ties), or −1 for a row holding a NaN or ±∞.</summary>
    public static int[] Predict(Matrix scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var predicted = new int[scores.Rows];
        for (int n = 0; n < scores.Rows; n++)
        {
            predicted[n] = IsFinite(scores.Row(n)) ? TensorPrimitives.IndexOfMax<double>(scores.Row(n)) : -1;
        }
        return predicted;
    }

    /// <summary>The fraction of rows whose argmax is the true class; NaN when some row predicts no class (<see cref="Predict"/>).</summary>
    public static double Accuracy(Matrix scores, int[] labels)
    {
        int[] predicted = Predict(scores);
        return predicted.Contains(-1) ? double.NaN : predicted.Where((p, n) => p == labels[n]).Count() / (double)labels.Length;
    }

    /// <summary>Mean negative log-likelihood in nats, −(1/N) Σₙ log max(P[n, yₙ], 1e-15); NaN when some row has no probabilities.</summary>
    public static double LogLoss(Matrix probabilities, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        double total = 0.0;
        for (int n = 0; n < labels.Length; n++)
        {
            total -= Math.Log(Math.Max(probabilities[n, labels[n]], ProbabilityFloor));
        }
        return total / labels.Length;
    }

    /// <summary>Counts M[true, predicted]: C×C, rows the true class; a row that predicts no class (−1) is not counted.</summary>
    public static int[][] ConfusionMatrix(int[] predicted, int[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        var m = new int[classes][];
        for (int c = 0; c < classes; c++)
        {
            m[c] = new int[classes];
        }
        for (int n = 0; n < labels.Length; n++)
        {
            if (predicted[n] >= 0)
            {
                m[labels[n]][predicted[n]]++;
            }
        }
        return m;
    }

    /// <summary>The number of rows of <paramref name="outputs"/> holding a NaN or ±∞.</summary>
    public static int NonFiniteRows(Matrix outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        int count = 0;
        for (int n = 0; n < outputs.Rows; n++)
        {
            count += IsFinite(outputs.Row(n)) ? 0 : 1;
        }
        return count;
    }

    private static bool IsFinite(ReadOnlySpan<double> row)
    {
        foreach (double v in row)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }
        return true;
    }
}
