namespace ReferenceSolutions.NeuralNet.Evaluation;

/// <summary>Test-set metrics computed the same way for every model, from outputs Z or probabilities P: N×C and classes y.</summary>
public static class ClassificationMetrics
{
    /// <summary>Probabilities are clipped to [1e-15, 1] inside the log so one confident mistake costs at most 34.5 nats.</summary>
    public const double ProbabilityFloor = 1e-15;

    /// <summary>Row-wise softmax P = exp(Z − max)/Σ exp(Z − max): N×C.</summary>
    public static Matrix Softmax(Matrix outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var p = new Matrix(outputs.Rows, outputs.Columns);
        for (int n = 0; n < outputs.Rows; n++)
        {
            System.Numerics.Tensors.TensorPrimitives.SoftMax(outputs.Row(n), p.Row(n));
        }
        return p;
    }

    /// <summary>The predicted class of each row: argmax over C (the first on ties).</summary>
    public static int[] Predict(Matrix scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var predicted = new int[scores.Rows];
        for (int n = 0; n < scores.Rows; n++)
        {
            predicted[n] = System.Numerics.Tensors.TensorPrimitives.IndexOfMax<double>(scores.Row(n));
        }
        return predicted;
    }

    /// <summary>The fraction of rows whose argmax is the true class.</summary>
    public static double Accuracy(Matrix scores, int[] labels)
    {
        int[] predicted = Predict(scores);
        return predicted.Where((p, n) => p == labels[n]).Count() / (double)labels.Length;
    }

    /// <summary>Mean negative log-likelihood in nats, −(1/N) Σₙ log max(P[n, yₙ], 1e-15).</summary>
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

    /// <summary>Counts M[true, predicted]: C×C, rows the true class.</summary>
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
            m[labels[n]][predicted[n]]++;
        }
        return m;
    }
}
