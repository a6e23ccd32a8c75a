namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>The checks every metric makes on its input: same lengths, labels 0/1, finite scores, both classes present.</summary>
internal static class ScoreValidation
{
    public static void Check(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, ReadOnlySpan<double> weights = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Length != labels.Count)
        {
            throw new ArgumentException($"{scores.Length} scores but {labels.Count} labels");
        }
        if (!weights.IsEmpty && weights.Length != labels.Count)
        {
            throw new ArgumentException($"{weights.Length} weights but {labels.Count} labels");
        }
        ReadOnlySpan<int> y = Labels(labels);
        bool positive = false, negative = false;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"score {i} is {scores[i]}; every score must be a finite number");
            }
            if (y[i] is not (0 or 1))
            {
                throw new ArgumentException($"label {i} is {y[i]}; labels must be 0 or 1");
            }
            positive |= y[i] == 1;
            negative |= y[i] == 0;
        }
        if (!positive || !negative)
        {
            throw new ArgumentException($"all {labels.Count} labels are {(positive ? 1 : 0)}; ROC, PR and their areas need both classes");
        }
    }

    /// <summary>The labels as a span: the array itself when they are an <c>int[]</c>, else a copy.</summary>
    public static ReadOnlySpan<int> Labels(IReadOnlyList<int> labels) => labels as int[] ?? [.. labels];

    /// <summary>Row indices ordered by descending score (ties in no particular order: metrics here treat a tie as one threshold).</summary>
    public static int[] DescendingOrder(ReadOnlySpan<double> scores)
    {
        int[] order = new int[scores.Length];
        double[] keys = new double[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = -scores[i];
        }
        Array.Sort(keys, order);
        return order;
    }
}
