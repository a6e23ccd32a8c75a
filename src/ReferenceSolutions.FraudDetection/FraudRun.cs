using System.Globalization;
using System.Text;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection.Anomaly;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Decisions;
using ReferenceSolutions.FraudDetection.Intervals;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Metrics;
using ReferenceSolutions.FraudDetection.Production;
using ReferenceSolutions.FraudDetection.Reporting;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// One <c>refsol run fraud</c>: load or generate, split 70/30 stratified (seeded), standardise on train, fit the six
/// models, score the test rows, correct for the true prior when the data were undersampled, then metrics with 95 %
/// intervals, decisions at the costs, parity checks, plots and a predictions CSV.
/// </summary>
internal sealed class FraudRun(string solution, RunContext context, FraudRunOptions options)
{
    private static readonly double[] FprGrid = [.. Enumerable.Range(0, 101).Select(k => k / 100.0)];
    private static readonly double[] RecallGrid = [.. Enumerable.Range(0, 101).Select(k => k / 100.0)];

    public RunReport Execute()
    {
        options.Validate();
        const int Steps = 9;
        IRunProgress progress = context.Progress;
        progress.Report("load data", 0, Steps);
        LabeledData data = options.DataFile is null
            ? TransactionGenerator.Generate(TransactionGenerator.DefaultRows, context.Seed)
            : LabeledCsv.Read(options.DataFile, options.Label);
        LabeledCsv.RequireBothClasses(data.Y, data.Source, options.Label);
        var rng = new Rng(context.Seed);
        int mlSeed = (int)(context.Seed % int.MaxValue);
        (int[] trainRows, int[] testRows) = StratifiedSplit.Split(data.Y, 0.3, rng.Fork());
        LabeledData train = data.Subset(trainRows), test = data.Subset(testRows);
        LabeledCsv.RequireBothClasses(test.Y, data.Source + " (test split)", options.Label);
        var scaler = Standardizer.Fit(train.X);
        Matrix xTrain = scaler.Transform(train.X), xTest = scaler.Transform(test.X);
        int[] yTrain = train.Y, yTest = test.Y;
        PriorCorrection? prior = PriorFor(data);

        progress.Report("logistic regression (Newton, TorchSharp, ML.NET)", 1, Steps);
        LogisticModel scratch = new NewtonLogisticRegression().Fit(xTrain, yTrain, options.Lambda);
        LogisticModel torch = new TorchLogisticRegression().Fit(xTrain, yTrain, options.Lambda);
        LogisticModel mlnet = new MLNetLogisticRegression(mlSeed).Fit(xTrain, yTrain, options.Lambda);

        progress.Report("FastTree", 2, Steps);
        FastTreeModel fastTree = FastTreeModel.Fit(xTrain, yTrain, mlSeed);

        progress.Report("PCA anomaly scores", 3, Steps);
        int rank = Math.Min(options.PcaRank, xTrain.Columns - 1);
        Matrix normal = train.Subset([.. Enumerable.Range(0, train.Rows).Where(i => yTrain[i] == 0)]).X;
        Matrix normalZ = scaler.Transform(normal);
        PcaAnomalyDetector pca = PcaAnomalyDetector.Fit(normalZ, rank);
        MLNetPcaAnomaly pcaNet = MLNetPcaAnomaly.Fit(normalZ, rank, mlSeed);
        MahalanobisDetector mahalanobis = MahalanobisDetector.Fit(normalZ);
        double[] pcaTest = pca.Score(xTest), pcaTrain = pca.Score(xTrain);
        double[] pcaNetTest = pcaNet.Score(xTest), pcaNetTrain = pcaNet.Score(xTrain);
        PlattScaling pcaPlatt = PlattScaling.Fit([.. pcaTrain.Select(double.LogP1)], yTrain);
        PlattScaling pcaNetPlatt = PlattScaling.Fit(pcaNetTrain, yTrain);

        var models = new List<ModelScores>
        {
            Scores("logreg-from-scratch", ModelKinds.FromScratch, scratch.Probabilities(xTest), prior),
            Scores("logreg-torch", ModelKinds.Torch, torch.Probabilities(xTest), prior),
            Scores("logreg-mlnet", ModelKinds.MLNet, mlnet.Probabilities(xTest), prior),
            Scores("fasttree-mlnet", ModelKinds.MLNet, fastTree.Probabilities(xTest), prior),
            Scores("pca-anomaly-from-scratch", ModelKinds.FromScratch, pcaPlatt.Apply([.. pcaTest.Select(double.LogP1)]), prior),
            Scores("pca-anomaly-mlnet", ModelKinds.MLNet, pcaNetPlatt.Apply(pcaNetTest), prior),
        };

        progress.Report("bootstrap intervals", 4, Steps);
        double[]? weights = prior?.Weights(yTest);
        Rng bootstrapRng = rng.Fork();
        foreach (ModelScores model in models)
        {
            model.Bootstrap = BootstrapInterval.Run(model.SampleProbabilities, yTest, options.BootstrapReplicates, bootstrapRng.Fork(), FprGrid, RecallGrid);
        }

        progress.Report("metrics and decisions", 5, Steps);
        DeLong.Comparison deLong = DeLong.Compare(models[0].SampleProbabilities, models[3].SampleProbabilities, yTest);
        var results = new List<ModelResult>();
        foreach (ModelScores model in models)
        {
            Dictionary<string, object> metrics = Metrics(model, yTest, weights, prior);
            if (model.Name == "pca-anomaly-from-scratch")
            {
                double[] mahalanobisTest = mahalanobis.Score(xTest);
                metrics["rawScoreAuc"] = RocCurve.Auc(pcaTest, yTest);
                metrics["mahalanobisAuc"] = RocCurve.Auc(mahalanobisTest, yTest);
                metrics["mahalanobisAveragePrecision"] = PrecisionRecallCurve.AveragePrecision(mahalanobisTest, yTest);
                metrics["rank"] = rank;
                metrics["eigenvalues"] = pca.Eigenvalues;
            }
            if (model.Name == "fasttree-mlnet")
            {
                metrics["deLongVsLogregZ"] = deLong.Z;
                metrics["deLongVsLogregPValue"] = deLong.PValue;
            }
            results.Add(new ModelResult(model.Name, model.Kind, metrics));
        }

        progress.Report("parity checks", 6, Steps);
        List<ParityCheck> parity = Parity(scratch, torch, mlnet, models[0], yTest, pca.NormalizedScore(xTest), pcaNetTest);
        double fScratch = LogisticObjective.Value(xTrain, yTrain, options.Lambda, scratch.Theta);
        double fNet = LogisticObjective.Value(xTrain, yTrain, options.Lambda, mlnet.Theta);
        parity.Insert(2, ParityCheck.Measure("logreg objective: mlnet vs from-scratch", "(f(θ_mlnet) − f(θ_scratch)) / f(θ_scratch), f in float64", Math.Abs(fNet - fScratch) / fScratch, FraudTolerances.Float32Objective));

        progress.Report("plots", 7, Steps);
        string folder = context.OutputDirectory;
        FraudPlots.Roc(Path.Combine(folder, "roc.png"), models, yTest, FprGrid);
        FraudPlots.PrecisionRecall(Path.Combine(folder, "precision-recall.png"), models, yTest, RecallGrid);
        FraudPlots.Calibration(Path.Combine(folder, "calibration.png"), models, yTest);
        FraudPlots.Cost(Path.Combine(folder, "cost-vs-threshold.png"), models, yTest, weights ?? [.. yTest.Select(_ => 1.0)], options.FalsePositiveCost, options.FalseNegativeCost,
            prior is null ? "at the data's prevalence" : $"at the true prevalence {prior.TruePrior:0.######}");
        WritePredictions(Path.Combine(folder, "predictions.csv"), models, yTest);

        progress.Report("done", Steps, Steps);
        string name = options.DataFile is null ? "generated card transactions" : Path.GetFileNameWithoutExtension(options.DataFile);
        if (prior is not null)
        {
            name += $" (undersampled: probabilities corrected to prior {prior.TruePrior:0.######}, β = {prior.Beta:0.######}; precision, cost and averagePrecisionTruePrevalence at that prior)";
        }
        var quality = new List<QualityCheck>();
        if (options.DataFile is not null && Path.GetFileName(options.DataFile) == FraudRunOptions.CreditCardSampleFile)
        {
            quality.Add(QualityCheck.AtLeast("logreg-from-scratch test AUC", (double)results[0].Metrics["auc"], 0.97));
            quality.Add(QualityCheck.AtLeast("logreg-from-scratch test AP", (double)results[0].Metrics["averagePrecision"], 0.92));
        }
        return new RunReport(solution, context.Seed, new DatasetInfo(name, data.Source, data.Rows), results, parity, quality);
    }

    private PriorCorrection? PriorFor(LabeledData data)
    {
        double samplePrior = data.Y.Average();
        if (options.Prior is double p)
        {
            return new PriorCorrection(p, samplePrior);
        }
        return options.DataFile is not null && Path.GetFileName(options.DataFile) == FraudRunOptions.CreditCardSampleFile
            ? new PriorCorrection(PriorCorrection.CreditCardPrior, samplePrior)
            : null;
    }

    private static ModelScores Scores(string name, string kind, double[] sampleProbabilities, PriorCorrection? prior) =>
        new(name, kind, sampleProbabilities, prior is null ? sampleProbabilities : [.. sampleProbabilities.Select(prior.Correct)]);

    private Dictionary<string, object> Metrics(ModelScores model, int[] y, double[]? weights, PriorCorrection? prior)
    {
        double[] p = model.SampleProbabilities;
        double auc = RocCurve.Auc(p, y);
        double deLongSd = Math.Sqrt(DeLong.Variance(p, y));
        double bayesThreshold = options.FalsePositiveCost / (options.FalsePositiveCost + options.FalseNegativeCost);
        ConfusionMatrix sample = ConfusionMatrix.At(model.Probabilities, y, bayesThreshold);
        ConfusionMatrix weighted = weights is null ? sample : ConfusionMatrix.At(model.Probabilities, y, bayesThreshold, weights);
        (double minThreshold, _) = CostThreshold.MinimumExpectedCost(model.Probabilities, y, options.FalsePositiveCost, options.FalseNegativeCost, weights);
        ConfusionMatrix atMinimum = ConfusionMatrix.At(model.Probabilities, y, minThreshold, weights);
        double recallThreshold = CostThreshold.ForRecall(model.Probabilities, y, options.TargetRecall);
        ConfusionMatrix atRecall = ConfusionMatrix.At(model.Probabilities, y, recallThreshold, weights);
        (double precisionLo, double precisionHi) = WilsonInterval.Compute(sample.TruePositives, sample.TruePositives + sample.FalsePositives);
        (double recallLo, double recallHi) = WilsonInterval.Compute(sample.TruePositives, sample.TruePositives + sample.FalseNegatives);
        (double fprLo, double fprHi) = WilsonInterval.Compute(sample.FalsePositives, sample.FalsePositives + sample.TrueNegatives);
        var metrics = new Dictionary<string, object>
        {
            ["auc"] = auc,
            ["aucCi95"] = BootstrapInterval.Interval95(model.Bootstrap!.Auc),
            ["aucDeLongCi95"] = new[] { auc - (WilsonInterval.Z95 * deLongSd), auc + (WilsonInterval.Z95 * deLongSd) },
            ["averagePrecision"] = PrecisionRecallCurve.AveragePrecision(p, y),
            ["averagePrecisionCi95"] = BootstrapInterval.Interval95(model.Bootstrap.AveragePrecision),
        };
        if (weights is not null)
        {
            metrics["averagePrecisionTruePrevalence"] = PrecisionRecallCurve.AveragePrecision(p, y, weights);
        }
        metrics["f1"] = sample.F1;
        metrics["precision"] = sample.Precision;
        metrics["precisionCi95"] = new[] { precisionLo, precisionHi };
        if (weights is not null)
        {
            metrics["precisionTruePrevalence"] = weighted.Precision;
        }
        metrics["recall"] = sample.Recall;
        metrics["recallCi95"] = new[] { recallLo, recallHi };
        metrics["falsePositiveRate"] = sample.FalsePositiveRate;
        metrics["falsePositiveRateCi95"] = new[] { fprLo, fprHi };
        metrics["logLoss"] = ProbabilityScores.LogLoss(p, y);
        metrics["brier"] = ProbabilityScores.Brier(p, y);
        if (prior is not null)
        {
            metrics["logLossTruePrevalence"] = ProbabilityScores.LogLoss(model.Probabilities, y, weights);
        }
        metrics["threshold"] = bayesThreshold;
        metrics["confusion"] = sample.ToArray();
        metrics["expectedCostPer1000"] = CostThreshold.CostPer1000(weighted, options.FalsePositiveCost, options.FalseNegativeCost);
        metrics["minExpectedCostThreshold"] = double.IsFinite(minThreshold) ? minThreshold : 1.0;
        metrics["expectedCostPer1000AtMinimum"] = CostThreshold.CostPer1000(atMinimum, options.FalsePositiveCost, options.FalseNegativeCost);
        metrics["targetRecallThreshold"] = recallThreshold;
        metrics["recallAtTargetThreshold"] = atRecall.Recall;
        metrics["falsePositiveRateAtTargetThreshold"] = atRecall.FalsePositiveRate;
        metrics["expectedCostPer1000AtTargetThreshold"] = CostThreshold.CostPer1000(atRecall, options.FalsePositiveCost, options.FalseNegativeCost);
        return metrics;
    }

    private static List<ParityCheck> Parity(LogisticModel scratch, LogisticModel torch, LogisticModel mlnet, ModelScores logreg, int[] y, double[] pcaNormalized, double[] pcaNet)
    {
        var checks = new List<ParityCheck>
        {
            ParityCheck.Measure("logreg θ: torch vs from-scratch", "argmin Σ logloss + (λ/2)‖w‖², max |θ_torch − θ_scratch|", Norms.MaxAbsDiff(torch.Theta, scratch.Theta), FraudTolerances.NewtonFloat64),
            ParityCheck.Measure("logreg θ: mlnet vs from-scratch", "same argmin with L2Regularization = λ, max |θ_mlnet − θ_scratch| / ‖θ_scratch‖∞", Norms.MaxAbsDiff(mlnet.Theta, scratch.Theta) / Norms.MaxAbs(scratch.Theta), FraudTolerances.Float32LbfgsRelative),
        };
        double[] p32 = [.. logreg.SampleProbabilities.Select(v => (double)(float)Math.Clamp(v, 1e-7, 1 - 1e-7))];
        BinaryMetrics ours = BinaryMetrics.Compute(p32, y, 0.5);
        MLNetEvaluation.Result theirs = MLNetEvaluation.Evaluate(p32, y, 0.5);
        checks.Add(ParityCheck.Measure("metrics: AUC vs Evaluate", "AUC = P(s⁺ > s⁻) + ½P(s⁺ = s⁻)", Math.Abs(ours.Auc - theirs.Auc), FraudTolerances.SameScoresMetrics));
        checks.Add(ParityCheck.Measure("metrics: accuracy vs Evaluate", "(TP + TN)/n at p ≥ 0.5", Math.Abs(ours.Accuracy - theirs.Accuracy), FraudTolerances.SameScoresMetrics));
        checks.Add(ParityCheck.Measure("metrics: F1 vs Evaluate", "2TP/(2TP + FP + FN) at p ≥ 0.5", Math.Abs(ours.F1 - theirs.F1), FraudTolerances.SameScoresMetrics));
        checks.Add(ParityCheck.Measure("metrics: log-loss vs Evaluate", "−mean ln p(y), ML.NET's log₂ × ln 2", Math.Abs(ours.LogLoss - theirs.LogLossNats), FraudTolerances.SameScoresMetrics));
        checks.Add(ParityCheck.Measure("metrics: AUPRC (lower trapezoid) vs Evaluate", "ML.NET's AUPRC definition, written out", Math.Abs(PrecisionRecallCurve.LowerTrapezoidArea(p32, y) - theirs.Auprc), FraudTolerances.SameScoresMetrics));
        double rho = SpearmanCorrelation.Compute(pcaNormalized, pcaNet);
        checks.Add(ParityCheck.Measure("PCA anomaly: 1 − Spearman ρ vs RandomizedPca", "same rank-k subspace ⇒ same ordering of √(‖r‖² − ‖Uᵀr‖²)/‖r‖", 1 - rho, FraudTolerances.SubspaceRankAgreement));
        double deLongVariance = DeLong.Variance(logreg.SampleProbabilities, y);
        double[] replicates = logreg.Bootstrap!.Auc;
        double mean = replicates.Average();
        double bootstrapVariance = replicates.Sum(a => (a - mean) * (a - mean)) / (replicates.Length - 1);
        var monteCarlo = new Tolerance("BootstrapVarianceMonteCarlo", 3 * Math.Sqrt(2.0 / (replicates.Length - 1)) + 0.1,
            $"a variance from B = {replicates.Length} replicates has relative standard error ≈ √(2/(B − 1)); 3 SE, plus 0.1 for the bootstrap's own O(1/n) bias against DeLong's asymptotic formula");
        checks.Add(ParityCheck.Measure("AUC variance: bootstrap vs DeLong (logreg)", "|Var_boot / Var_DeLong − 1|", Math.Abs((bootstrapVariance / deLongVariance) - 1), monteCarlo));
        return checks;
    }

    private static void WritePredictions(string path, IReadOnlyList<ModelScores> models, int[] y)
    {
        var text = new StringBuilder("label");
        foreach (ModelScores model in models)
        {
            text.Append(',').Append(model.Name);
        }
        text.Append('\n');
        for (int i = 0; i < y.Length; i++)
        {
            text.Append(y[i]);
            foreach (ModelScores model in models)
            {
                text.Append(',').Append(model.SampleProbabilities[i].ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
