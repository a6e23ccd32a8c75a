using System.Globalization;
using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Plotting;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ScottPlot;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// One run on the built-in data: n = <see cref="Rows"/> seeded rows, the first <see cref="TrainRows"/> for training and
/// the rest for test (rows are drawn independently, so the order is already random); the from-scratch ridge
/// regression and its twin fitted with λ = <see cref="Lambda"/>; the checks <see cref="SolutionNameChecks.Twin"/> and
/// <see cref="SolutionNameChecks.NormalEquations"/>; the quality gate test R² ≥ <see cref="MinimumR2"/>;
/// <c>predictions.png</c>; both models saved under <c>models/</c>; the <c>protocol</c> of metrics.json says so
/// (random split, nothing selected, λ fixed).
/// </summary>
public static class SolutionNameRun
{
    /// <summary>n, the rows generated.</summary>
    public const int Rows = 1000;

    /// <summary>The training rows (the first ones).</summary>
    public const int TrainRows = 800;

    /// <summary>
    /// λ. Large on purpose (≈ n/8): the penalty shrinks θ by ≈ λ/(n + λ) ≈ 11 %, so a twin that maps λ wrongly lands
    /// far outside its tolerance instead of within it.
    /// </summary>
    public const double Lambda = 100.0;

    /// <summary>The quality gate: the from-scratch model's test R² (the planted model's is ≈ 0.97).</summary>
    public const double MinimumR2 = 0.9;

    private const int Steps = 4;

    /// <summary>Runs as the class summary says and returns the report the CLI writes to metrics.json.</summary>
    public static RunReport Execute(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Progress.Report("generate data", 0, Steps);
        (Matrix x, double[] y) = SolutionNameData.Generate(Rows, context.Seed);
        Matrix xTrain = Slice(x, 0, TrainRows), xTest = Slice(x, TrainRows, Rows);
        double[] yTrain = y[..TrainRows], yTest = y[TrainRows..];

        context.Progress.Report("fit from scratch and the twin", 1, Steps);
        RidgeModel scratch = RidgeRegression.Fit(xTrain, yTrain, Lambda);
        (RidgeModel twin, double scale) = FitTwin(xTrain, yTrain, Lambda, scratch, context.Seed);
        string fitted = string.Create(CultureInfo.InvariantCulture, $"θ fitted on the {TrainRows} training rows");
        ParityCheck[] parity =
        [
            SolutionNameChecks.Twin.Measure(RidgeParity.Theta(scratch, twin, SolutionNameModels.Twin, scale), fitted),
            SolutionNameChecks.NormalEquations.Measure(RidgeParity.NormalEquations(xTrain, yTrain, Lambda, scratch), fitted),
        ];

        context.Progress.Report("evaluate and plot", 2, Steps);
        double[] scratchTest = scratch.Predict(xTest), twinTest = twin.Predict(xTest);
        ModelResult[] models =
        [
            new(SolutionNameModels.FromScratch, ModelKinds.FromScratch, Metrics(yTest, scratchTest)),
            new(SolutionNameModels.Twin, SolutionNameModels.TwinKind, Metrics(yTest, twinTest)),
        ];
        QualityCheck[] quality = [QualityCheck.AtLeast($"{SolutionNameModels.FromScratch} test R²", (double)models[0].Metrics["r2"], MinimumR2)];
        Plot(Path.Combine(context.OutputDirectory, "predictions.png"), yTest, scratchTest, twinTest);

        context.Progress.Report("save models", 3, Steps);
        new SavedRidge(scratch.Intercept, scratch.Weights, Lambda).Save(context.OutputDirectory, SolutionNameModels.FromScratch, ModelKinds.FromScratch, SolutionNameData.Features, context.Seed);
        new SavedRidge(twin.Intercept, twin.Weights, Lambda, scale).Save(context.OutputDirectory, SolutionNameModels.Twin, SolutionNameModels.TwinKind, SolutionNameData.Features, context.Seed);
        context.Progress.Report("save models", Steps, Steps);

        var dataset = new DatasetInfo("planted linear model", $"generated (seed {context.Seed})", Rows);
        var protocol = new Protocol(SplitKinds.Random, TrainRows, 0, Rows - TrainRows, SelectionKinds.Fixed, null,
            "none searched (λ is fixed; a model with hyper-parameters to choose searches them on a validation split)", [], new Dictionary<string, object>())
        {
            Refit = string.Create(CultureInfo.InvariantCulture, $"none: both models are fitted once, on the {TrainRows} training rows; the test rows are scored once"),
            Fixed = new Dictionary<string, object> { ["lambda"] = Lambda },
        };
        return new RunReport(SolutionNameModels.Solution, context.Seed, dataset, models, parity, quality, protocol);
    }

#if (TwinTorch)
    /// <summary>
    /// The twin fitted on X (n×d) and y with λ, and the scale s its check divides |θ_twin − θ_scratch| by
    /// (<see cref="TorchRidge.ParityScale"/>); a direct solve draws nothing, so <paramref name="seed"/> is not used.
    /// </summary>
#else
    /// <summary>
    /// The twin fitted on X (n×d) and y with λ and <paramref name="seed"/>, and the scale s its check divides
    /// |θ_twin − θ_scratch| by (<see cref="MLNetRidge.ParityScale"/>); <paramref name="scratch"/> is not used.
    /// </summary>
#endif
    public static (RidgeModel Twin, double Scale) FitTwin(Matrix x, double[] y, double lambda, RidgeModel scratch, ulong seed)
    {
#if (TwinTorch)
        _ = seed;
        return (TorchRidge.Fit(x, y, lambda), TorchRidge.ParityScale(scratch));
#else
        _ = scratch;
        RidgeModel twin = MLNetRidge.Fit(x, y, lambda, seed);
        return (twin, MLNetRidge.ParityScale(x, y, lambda, twin));
#endif
    }

    /// <summary>Test RMSE = √(Σ(ŷ − y)²/n) and R² = 1 − Σ(ŷ − y)² / Σ(y − ȳ)².</summary>
    private static Dictionary<string, object> Metrics(double[] y, double[] predicted)
    {
        double mean = y.Average(), residual = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            residual += (predicted[i] - y[i]) * (predicted[i] - y[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return new Dictionary<string, object>
        {
            ["rmse"] = Math.Sqrt(residual / y.Length),
            ["r2"] = 1.0 - (residual / total),
            ["lambda"] = Lambda,
        };
    }

    private static Matrix Slice(Matrix x, int from, int to) => new(to - from, x.Columns, x.Data[(from * x.Columns)..(to * x.Columns)]);

    private static void Plot(string path, double[] y, double[] scratch, double[] twin)
    {
        var plot = new Plot();
        var ours = plot.Add.ScatterPoints(y, scratch);
        ours.LegendText = SolutionNameModels.FromScratch;
        var theirs = plot.Add.ScatterPoints(y, twin);
        theirs.LegendText = SolutionNameModels.Twin;
        theirs.MarkerShape = MarkerShape.OpenCircle;
        double low = Math.Min(y.Min(), scratch.Min()), high = Math.Max(y.Max(), scratch.Max());
        plot.Add.Line(low, low, high, high).LinePattern = LinePattern.Dashed;
        plot.Title("Test rows: predicted against observed");
        plot.XLabel("observed y");
        plot.YLabel("predicted ŷ");
        plot.ShowLegend();
        PngPlot.Save(plot, path);
    }
}
