using System.Globalization;
using System.Text;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection.Anomaly;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Decisions;
using ReferenceSolutions.FraudDetection.Explanations;
using ReferenceSolutions.FraudDetection.Intervals;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Metrics;
using ReferenceSolutions.FraudDetection.Reporting;
using ReferenceSolutions.FraudDetection.Selection;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// One <c>refsol run fraud</c>: load or generate; drop the time column from the features; split by time (earliest
/// 70 % train, latest 30 % test, the latest 20 % of the training rows for validation) or stratified 70/30 with 5 folds;
/// choose λ on the validation rows or by cross-validation; fit the six models on the held-out parts' training rows to
/// choose each model's decision thresholds on held-out predictions; refit on all training rows; score the test rows
/// once: metrics with 95 % intervals, decisions at the chosen thresholds, parity checks, plots and a predictions CSV;
/// logreg-from-scratch's coefficients with standard errors and Wald intervals, and a delta-method interval on each of its
/// test probabilities (<see cref="CoefficientTable"/>).
/// Standardisation, PCA, Platt scaling and the prior's sample prevalence are fitted on training rows only.
/// </summary>
internal sealed class FraudRun(string solution, RunContext context, FraudRunOptions options)
{
    private static readonly double[] FprGrid = [.. Enumerable.Range(0, 101).Select(k => k / 100.0)];
    private static readonly double[] RecallGrid = [.. Enumerable.Range(0, 101).Select(k => k / 100.0)];

    public RunReport Execute()
    {
        options.Validate();
        const int Steps = 8;
        IRunProgress progress = context.Progress;
        progress.Report("load data", 0, Steps);
        LabeledData loaded = options.DataFile is null
            ? TransactionGenerator.Generate(TransactionGenerator.DefaultRows, context.Seed)
            : LabeledCsv.Read(options.DataFile, options.Label);
        (LabeledData data, double[]? time) = TimeColumn.Separate(loaded, options);
        FraudLimits.CheckRunShape(data, options.MaxRows, options.MaxFeatures);
        var rng = new Rng(context.Seed);
        int mlSeed = (int)(context.Seed % int.MaxValue);
        FraudSplit split = time is not null && options.Split is null or SplitKinds.Time
            ? FraudSplit.ByTime(time!)
            : StratifiedSplit(data, rng.Fork());
        RequireBothClasses(data, split);
        LabeledData train = data.Subset(split.Train), test = data.Subset(split.Test);
        int[] yTest = test.Y;
        int rank = Math.Min(options.PcaRank, data.Features - 1);
        PriorCorrection? prior = PriorFor(train.Y);

        progress.Report("choose λ without the test rows", 1, Steps);
        (double lambda, Candidate[] candidates) = ChooseLambda(data, split);

        progress.Report("fit on all training rows; thresholds on held-out predictions", 2, Steps);
        Task<FraudModels> refit = Task.Run(() => FraudModels.Fit(train, lambda, rank, mlSeed));
        (DecisionThresholds? Thresholds, string? Failure)[] thresholds = ChooseThresholds(data, split, lambda, rank, mlSeed, prior);
        FraudModels fitted = refit.GetAwaiter().GetResult();

        progress.Report("score the test rows", 3, Steps);
        FraudPredictions predictions = fitted.Predict(test.X);
        Core.LinearAlgebra.Matrix xTrain = fitted.Standardize(train.X);
        var coefficients = CoefficientTable.Of(xTrain, lambda, fitted.Scratch.Model, fitted.Scaler, data.FeatureNames);
        (double[] Lo, double[] Hi)? intervals = coefficients.PredictionIntervals(fitted.Standardize(test.X));
        string?[] failures = [.. thresholds.Select((t, k) => t.Failure ?? predictions.Failures[k])];
        ModelScores?[] models = [.. FraudModels.Names.Select((m, k) => failures[k] is null
            ? Scores(m.Name, m.Kind, predictions.Probabilities[k]!, prior, thresholds[k].Thresholds!)
            : null)];

        progress.Report("bootstrap intervals", 4, Steps);
        Rng bootstrapRng = rng.Fork();
        Rng[] streams = [.. models.Select(_ => bootstrapRng.Fork())];
        Parallel.For(0, models.Length, k =>
        {
            if (models[k] is ModelScores model)
            {
                model.Bootstrap = BootstrapInterval.Run(model.SampleProbabilities, yTest, options.BootstrapReplicates, streams[k], FprGrid, RecallGrid);
            }
        });
        ModelScores logreg = models[0]!;
        ModelScores[] available = [.. models.OfType<ModelScores>()];

        progress.Report("metrics and decisions", 5, Steps);
        double[]? weights = prior?.Weights(yTest);
        var explanations = FraudExplanations.Compute(fitted, fitted.Standardize(test.X), yTest, data.FeatureNames, options.PermutationRepeats, rng.Fork(), mlSeed);
        DeLong.Comparison deLong = DeLong.Compare(logreg.SampleProbabilities, models[3]!.SampleProbabilities, yTest);
        var results = new List<ModelResult>();
        for (int k = 0; k < models.Length; k++)
        {
            (string model, string kind) = FraudModels.Names[k];
            Dictionary<string, object> metrics = models[k] is ModelScores scores
                ? ModelMetrics.Of(scores, yTest, weights, prior, options)
                : ModelMetrics.NotFitted(results[0].Metrics, $"{model} could not be fitted: {failures[k]}");
            if (model == "logreg-from-scratch")
            {
                metrics["coefficients"] = coefficients.Rows(rawUnits: false);
                metrics["coefficientsRawUnits"] = coefficients.Rows(rawUnits: true);
            }
            if (model == "pca-anomaly-from-scratch")
            {
                metrics["rawScoreAuc"] = RocCurve.Auc(predictions.PcaErrors, yTest);
                metrics["rawScoreAveragePrecision"] = PrecisionRecallCurve.AveragePrecision(predictions.PcaErrors, yTest);
                metrics["mahalanobisAuc"] = predictions.Mahalanobis is double[] distances ? RocCurve.Auc(distances, yTest) : new NotComputed(predictions.MahalanobisFailure!);
                metrics["mahalanobisAveragePrecision"] = predictions.Mahalanobis is double[] d2 ? PrecisionRecallCurve.AveragePrecision(d2, yTest) : new NotComputed(predictions.MahalanobisFailure!);
                metrics["rank"] = rank;
                metrics["eigenvalues"] = fitted.Pca.Eigenvalues;
            }
            if (model == "fasttree-mlnet")
            {
                string undefined = ModelMetrics.DeLongTestUndefined(yTest);
                metrics["deLongVsLogregZ"] = NotComputed.Finite(deLong.Z, undefined);
                metrics["deLongVsLogregPValue"] = NotComputed.Finite(deLong.PValue, undefined);
            }
            explanations.AddMetrics(model, metrics);
            results.Add(new ModelResult(model, kind, metrics));
        }

        progress.Report("parity checks", 6, Steps);
        List<ParityCheck> parity = [.. Parity(fitted, train, xTrain, lambda, logreg, predictions, yTest, prior, coefficients), .. explanations.Parity];

        progress.Report("plots", 7, Steps);
        string folder = context.OutputDirectory;
        FraudPlots.Roc(Path.Combine(folder, "roc.png"), available, yTest, FprGrid);
        FraudPlots.PrecisionRecall(Path.Combine(folder, "precision-recall.png"), available, yTest, RecallGrid);
        FraudPlots.Calibration(Path.Combine(folder, "calibration.png"), available, yTest);
        FraudPlots.Cost(Path.Combine(folder, "cost-vs-threshold.png"), available, yTest, weights ?? [.. yTest.Select(_ => 1.0)], options.FalsePositiveCost, options.FalseNegativeCost,
            prior is null ? "at the data's prevalence" : $"at the true prevalence {prior.TruePrior:0.######}");
        FraudPlots.Coefficients(Path.Combine(folder, "coefficients.png"), coefficients, fitted.Scratch.Model.Weights, lambda);
        explanations.Plot(Path.Combine(folder, "permutation-importance.png"));
        WritePredictions(Path.Combine(folder, "predictions.csv"), models, yTest, intervals);
        Models.FraudModelStore.Save(folder, fitted, data.FeatureNames, options.Label, time is null ? null : options.TimeColumn ?? FraudRunOptions.DefaultTimeColumn,
            prior, [.. models.Select(m => m?.Thresholds)], options, context.Seed);

        progress.Report("done", Steps, Steps);
        string name = options.DataFile is null ? "generated card transactions" : Path.GetFileNameWithoutExtension(options.DataFile);
        if (prior is not null)
        {
            name += $" (undersampled: probabilities corrected to prior {prior.TruePrior:0.######}, β = {prior.Beta:0.######} from the training rows' prevalence; precision, cost and averagePrecisionTruePrevalence at that prior)";
        }
        var quality = new List<QualityCheck>
        {
            QualityCheck.AtLeast("logreg-from-scratch: Newton converged (1 = yes)", fitted.Scratch.Converged ? 1 : 0, 1),
            QualityCheck.AtLeast("pca-anomaly-from-scratch: Platt scaling converged (1 = yes)", fitted.PcaPlatt.Converged ? 1 : 0, 1),
        };
        if (fitted.PcaNetPlatt is PlattScaling pcaNetPlatt)
        {
            quality.Add(QualityCheck.AtLeast("pca-anomaly-mlnet: Platt scaling converged (1 = yes)", pcaNetPlatt.Converged ? 1 : 0, 1));
        }
        if (IsCreditCardSample && split.Kind == SplitKinds.Time)
        {
            quality.Add(QualityCheck.AtLeast("logreg-from-scratch test AUC", (double)results[0].Metrics["auc"], 0.970));
            quality.Add(QualityCheck.AtLeast("logreg-from-scratch test AP", (double)results[0].Metrics["averagePrecision"], 0.890));
        }
        return new RunReport(solution, context.Seed, new DatasetInfo(name, data.Source, data.Rows), results, parity, quality,
            Protocol(split, lambda, candidates, rank));
    }

    private bool IsCreditCardSample => options.DataFile is not null && Path.GetFileName(options.DataFile) == FraudRunOptions.CreditCardSampleFile;

    /// <summary>
    /// The stratified split, refused up front when a class has fewer than k training rows: the folds deal each class
    /// round-robin, so with fewer than k rows of a class some fold would hold none of it.
    /// </summary>
    private static FraudSplit StratifiedSplit(LabeledData data, Rng rng)
    {
        int positives = data.Y.Count(v => v == 1), negatives = data.Rows - positives;
        int Training(int count) => count - (int)Math.Round(FraudSplit.TestShare * count);
        if (Math.Min(Training(positives), Training(negatives)) < FraudSplit.FoldCount)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{data.Source}: the stratified split keeps {Training(positives)} frauds and {Training(negatives)} legitimate rows for training, and {FraudSplit.FoldCount}-fold cross-validation needs at least {FraudSplit.FoldCount} of each so that every fold holds both classes ({positives} frauds and {negatives} legitimate rows in all)"));
        }
        return FraudSplit.Stratified(data.Y, rng);
    }

    private void RequireBothClasses(LabeledData data, FraudSplit split)
    {
        void Require(int[] rows, string part)
        {
            if (rows.Length == 0)
            {
                throw new UserInputException($"{data.Source}: the {part} are empty ({data.Rows} rows in all are too few for this split)");
            }
            LabeledCsv.RequireBothClasses([.. rows.Select(i => data.Y[i])], $"{data.Source} ({part})", options.Label);
        }
        Require(split.Test, split.Folds is null ? "test rows, the latest 30 % by time" : "test rows");
        foreach (((int[] training, int[] heldOut), int j) in split.Parts.Select((p, j) => (p, j)))
        {
            string part = split.Folds is null ? "validation rows, the latest 20 % of the training rows by time" : $"fold {j + 1} of {split.Folds.Length}";
            Require(training, split.Folds is null ? "fit rows, the earliest 80 % of the training rows by time" : $"training rows for {part}");
            Require(heldOut, part);
        }
    }

    /// <summary>λ given by the options, or the grid's best on held-out log-loss, with every candidate's score.</summary>
    private (double Lambda, Candidate[] Candidates) ChooseLambda(LabeledData data, FraudSplit split)
    {
        if (options.Lambda is double given)
        {
            return (given, []);
        }
        IReadOnlyList<double> grid = LambdaSelection.Grid;
        double[] scores = LambdaSelection.Scores(data, split.Parts, grid);
        int best = LambdaSelection.Best(scores);
        if (best < 0)
        {
            throw new InvalidOperationException("no λ of the grid gave a converged Newton fit on every held-out part");
        }
        return (grid[best], [.. grid.Select((lambda, c) => new Candidate(new Dictionary<string, object> { ["lambda"] = lambda }, scores[c]))]);
    }

    /// <summary>
    /// Each model's thresholds, chosen on its held-out predictions: the models are fitted on each part's training
    /// rows and predict its held-out rows (validation, or every fold in turn), never a test row. The parts are
    /// independent and seeded, so fitting them in parallel changes no bit. A model that could not be fitted or scored
    /// on some part has no thresholds, and the reason names the part.
    /// </summary>
    private (DecisionThresholds? Thresholds, string? Failure)[] ChooseThresholds(LabeledData data, FraudSplit split, double lambda, int rank, int mlSeed, PriorCorrection? prior)
    {
        int[] heldOut = split.HeldOut;
        double[][] probabilities = [.. FraudModels.Names.Select(_ => new double[heldOut.Length])];
        string?[] failures = new string?[probabilities.Length];
        IReadOnlyList<(int[] Training, int[] HeldOut)> parts = split.Parts;
        int[] offsets = [.. parts.Select((_, j) => parts.Take(j).Sum(p => p.HeldOut.Length))];
        var predictedParts = new FraudPredictions[parts.Count];
        Parallel.For(0, parts.Count, j =>
            predictedParts[j] = FraudModels.Fit(data.Subset(parts[j].Training), lambda, rank, mlSeed).Predict(data.Subset(parts[j].HeldOut).X));
        for (int j = 0; j < parts.Count; j++)
        {
            for (int m = 0; m < probabilities.Length; m++)
            {
                if (predictedParts[j].Probabilities[m] is double[] p)
                {
                    p.CopyTo(probabilities[m], offsets[j]);
                }
                else
                {
                    failures[m] ??= $"{predictedParts[j].Failures[m]} (fitted on {(split.Folds is null ? "the fit rows, to choose its thresholds" : $"the training rows of fold {j + 1}, to choose its thresholds")})";
                }
            }
        }
        int[] y = [.. heldOut.Select(i => data.Y[i])];
        double[]? weights = prior?.Weights(y);
        return [.. probabilities.Select((p, m) => failures[m] is null
            ? (DecisionThresholds.Choose(prior is null ? p : [.. p.Select(prior.Correct)], y, weights, options.FalsePositiveCost, options.FalseNegativeCost, options.TargetRecall), (string?)null)
            : (null, failures[m]))];
    }

    /// <summary>The prior correction: --prior, or the ULB sample's known prevalence; the sample prevalence is the training rows'.</summary>
    private PriorCorrection? PriorFor(int[] trainingLabels)
    {
        double samplePrior = trainingLabels.Average();
        if (options.Prior is double p)
        {
            return new PriorCorrection(p, samplePrior);
        }
        return IsCreditCardSample ? new PriorCorrection(PriorCorrection.CreditCardPrior, samplePrior) : null;
    }

    private static ModelScores Scores(string name, string kind, double[] sampleProbabilities, PriorCorrection? prior, DecisionThresholds thresholds) =>
        new(name, kind, sampleProbabilities, prior is null ? sampleProbabilities : [.. sampleProbabilities.Select(prior.Correct)], thresholds);

    private List<ParityCheck> Parity(FraudModels fitted, LabeledData train, Core.LinearAlgebra.Matrix x, double lambda, ModelScores logreg, FraudPredictions predictions, int[] y, PriorCorrection? prior,
        CoefficientTable coefficients)
    {
        string fitOn = string.Create(CultureInfo.InvariantCulture, $"fitted on the {train.Rows} training rows (standardised), λ = {lambda}");
        string testRows = string.Create(CultureInfo.InvariantCulture, $"the {y.Length} test rows");
        LogisticModel scratch = fitted.Scratch.Model, mlnet = fitted.MLNet.Theta;
        double fScratch = LogisticObjective.Value(x, train.Y, lambda, scratch.Theta);
        double fNet = LogisticObjective.Value(x, train.Y, lambda, mlnet.Theta);

        double threshold = ModelMetrics.BayesThreshold(options);
        double[] ranking = Clipped(logreg.SampleProbabilities);
        double[] decision = [.. logreg.Probabilities.Select(p => (double)(float)p)];
        EvaluatorMetrics ours = EvaluatorMetrics.FromScratch(ranking, ranking, decision, y, threshold);
        EvaluatorMetrics theirs = MLNetEvaluation.Evaluate(ranking, decision, y, threshold);
        EvaluatorMetrics oursOnNet = EvaluatorMetrics.FromScratch(predictions.MLNetLogReg, y);
        EvaluatorMetrics theirsOnNet = MLNetEvaluation.Evaluate(predictions.MLNetLogReg, y);

        double limit = BootstrapVarianceLimit.Of(logreg.SampleProbabilities, y);
        double deLong = DeLong.Variance(logreg.SampleProbabilities, y);
        string limitRatio = limit > 0 && deLong > 0
            ? string.Create(CultureInfo.InvariantCulture, $"V∞ / (DeLong's S₁₀/P + S₀₁/N) = {limit / deLong:0.0000}")
            : string.Create(CultureInfo.InvariantCulture, $"V∞ = {limit}: every replicate's AUC is the same, so the relative difference is 0/0 and the check cannot pass");
        double[] pcaNetScores = predictions.PcaNetScores ?? [.. y.Select(_ => double.NaN)];
        string pcaNetNote = predictions.PcaNetScores is null ? $"; pca-anomaly-mlnet could not be fitted ({predictions.Failures[FraudModels.PcaNetIndex]}), so its side is NaN" : "";
        return
        [
            FraudChecks.ThetaTorch.Measure(FraudComparisons.Theta(scratch, fitted.Torch.Model, ModelKinds.Torch), fitOn),
            FraudChecks.ThetaMLNet.Measure(FraudComparisons.ThetaRelative(scratch, mlnet), fitOn),
            FraudChecks.ObjectiveMLNet.Measure(FraudComparisons.Objective(fScratch, fNet), fitOn),
            FraudChecks.StandardErrorsTorch.Measure(StandardErrors(coefficients, x, train.Y, lambda, fitted.Torch.Model), fitOn),
            FraudChecks.MetricsOnOurPredictions.Measure(ours.CompareWith(theirs), string.Create(CultureInfo.InvariantCulture,
                $"logreg-from-scratch on {testRows}: probabilities clipped to [1e-7, 1 − 1e-7] and rounded to float32; decisions p ≥ {threshold:0.####} on the{(prior is null ? "" : " prior-corrected")} probabilities in float32, as reported")),
            FraudChecks.MetricsOnMLNetPredictions.Measure(oursOnNet.CompareWith(theirsOnNet), $"logreg-mlnet's own Score, Probability and PredictedLabel on {testRows} (its rule Score > 0)"),
            FraudChecks.AnomalyScores.Measure(FraudComparisons.AnomalyScores(predictions.PcaScores, pcaNetScores), string.Create(CultureInfo.InvariantCulture,
                $"s(x) of {testRows}, both PCAs fitted on the legitimate training rows at k = {fitted.Pca.Basis.Columns}{pcaNetNote}")),
            FraudChecks.BootstrapVsDeLongAt(options.BootstrapReplicates).Measure(FraudComparisons.BootstrapVariance(logreg.Bootstrap!.Auc, limit), string.Create(CultureInfo.InvariantCulture,
                $"logreg-from-scratch AUC on {testRows}, B = {options.BootstrapReplicates}; {limitRatio}")),
        ];
    }

    /// <summary>
    /// The from-scratch standard errors against those from TorchSharp's autograd Hessian at its own θ̂; a side without
    /// an inverse (H singular) is NaN, so the check fails.
    /// </summary>
    private static Comparison StandardErrors(CoefficientTable coefficients, Core.LinearAlgebra.Matrix x, int[] y, double lambda, LogisticModel torch)
    {
        int d1 = x.Columns + 1;
        Core.LinearAlgebra.Matrix? covariance = TorchLogisticRegression.Covariance(x, y, lambda, torch.Theta);
        double[] scratch = coefficients.Standardised?.StandardErrors ?? [.. Enumerable.Repeat(double.NaN, d1)];
        double[] twin = [.. Enumerable.Range(0, d1).Select(j => covariance is null ? double.NaN : Math.Sqrt(covariance[j, j]))];
        return FraudComparisons.StandardErrors(scratch, twin, ModelKinds.Torch);
    }

    /// <summary>p clipped to [1e-7, 1 − 1e-7] and rounded to float32, so that float32 never rounds a probability to 0 or 1.</summary>
    private static double[] Clipped(double[] probabilities) => [.. probabilities.Select(p => (double)(float)Math.Clamp(p, 1e-7, 1 - 1e-7))];

    private Protocol Protocol(FraudSplit split, double lambda, Candidate[] candidates, int rank)
    {
        bool time = split.Folds is null;
        var fixedValues = new Dictionary<string, object>
        {
            ["pcaRank"] = rank,
            ["randomizedPcaOversampling"] = MLNetPcaAnomaly.Oversampling,
            ["fastTree"] = Production.FastTreeModel.Hyperparameters,
            ["plattScaling"] = "unpenalised (λ = 0)",
            ["bootstrapReplicates"] = options.BootstrapReplicates,
        };
        if (options.Lambda is double given)
        {
            fixedValues["lambda"] = given;
        }
        string metric = options.Lambda is not null
            ? "none (λ given by --l2)"
            : time
                ? "validation log-loss (nats per row) of logreg-from-scratch"
                : $"mean {FraudSplit.FoldCount}-fold cross-validated log-loss (nats per row) of logreg-from-scratch";
        string selection = options.Lambda is not null ? SelectionKinds.Fixed : time ? SelectionKinds.Validation : SelectionKinds.KFold;
        return new Protocol(split.Kind, split.Fit.Length, split.Validation.Length, split.Test.Length, selection, split.Folds?.Length, metric,
            candidates, new Dictionary<string, object> { ["lambda"] = lambda })
        {
            Goal = "minimise",
            Refit = time
                ? $"all {split.Train.Length} training rows (train + validation); thresholds chosen on the validation rows' predictions of the models fitted on the train rows"
                : $"all {split.Train.Length} training rows; thresholds chosen on the out-of-fold predictions of the {FraudSplit.FoldCount} fold models",
            Fixed = fixedValues,
        };
    }

    /// <summary>
    /// predictions.csv: the label and every model's test probability, an empty field for a model that could not be
    /// fitted; then <c>logreg-from-scratch.lo</c> and <c>.hi</c>, the 95 % delta-method interval of its probability
    /// (on the same, uncorrected scale as its column), empty when H was singular.
    /// </summary>
    private static void WritePredictions(string path, IReadOnlyList<ModelScores?> models, int[] y, (double[] Lo, double[] Hi)? intervals)
    {
        var text = new StringBuilder("label");
        foreach ((string name, _) in FraudModels.Names)
        {
            text.Append(',').Append(name);
        }
        text.Append(',').Append(FraudModels.Names[0].Name).Append(".lo,").Append(FraudModels.Names[0].Name).Append(".hi");
        text.Append('\n');
        for (int i = 0; i < y.Length; i++)
        {
            text.Append(y[i]);
            foreach (ModelScores? model in models)
            {
                text.Append(',').Append(model?.SampleProbabilities[i].ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append(',').Append(intervals?.Lo[i].ToString("R", CultureInfo.InvariantCulture))
                .Append(',').Append(intervals?.Hi[i].ToString("R", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
