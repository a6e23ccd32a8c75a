using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Plotting;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Models;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Selection;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// One <c>refsol run recommender</c>: a seeded train / validation / test split (<see cref="RatingSplit"/>); the
/// hyper-parameters chosen on validation (<see cref="RecommenderSelection"/>); the baselines, MF-SGD, ALS and ML.NET's
/// FFM refitted on train + validation and scored once on test, every prediction clipped to the training range, ALS's
/// predictive intervals with their coverage on the same test ratings (<see cref="IntervalCoverage"/>); the
/// TorchSharp twins of MF-SGD and ALS on a seeded sample of those ratings (one autograd step per rating is ≈ 0.4 ms);
/// the learned spectra by Jacobi and by torch; SVD and PCA twins on seeded planted matrices; plots.
/// </summary>
public static class RecommenderRun
{
    /// <summary>Ratings in the twins' parity sample.</summary>
    public const int TwinSampleSize = 2_000;

    /// <summary>Epochs of the twins' parity runs.</summary>
    public const int TwinEpochs = 3;

    /// <summary>Standard deviation of the initial factors.</summary>
    public const double InitialScale = 0.1;

    /// <summary>Iterations of ML.NET's FFM (fixed).</summary>
    public const int FfmIterations = 10;

    /// <summary>Latent dimension of ML.NET's FFM (fixed).</summary>
    public const int FfmLatentDimension = 16;

    /// <summary>
    /// The most train + validation ratings ML.NET's FFM is trained on: above it, on a seeded uniform sample of this
    /// many (<see cref="RatingSample"/>, from a fork of the refit's generator), still scored on the whole test split;
    /// its metrics say so in <c>trainedOn</c>. ML.NET holds every training row as text features, and at 20 M ratings
    /// its fit alone would take minutes (docs/recommender.md#at-scale).
    /// </summary>
    public const int FfmMaxRatings = 1_000_000;

    /// <summary>The MovieLens quality target on the test split.</summary>
    public const double MovieLensRmseTarget = 0.860;

    /// <summary>Runs everything and returns the report (the CLI writes metrics.json).</summary>
    public static RunReport Execute(RunContext context, RecommenderOptions options) => Execute(context, options, null);

    /// <summary>The run, handing the in-memory models it saved to <paramref name="inspect"/> (the round-trip tests compare the loaded ones with them).</summary>
    internal static RunReport Execute(RunContext context, RecommenderOptions options, Action<InRunModels>? inspect)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var progress = new PhaseClock(context.Progress);
        var rng = new Rng(context.Seed);
        RatingSet all = options.RatingsPath is null ? SyntheticRatings.Generate(context.Seed) : RatingsFile.Read(options.RatingsPath);
        IReadOnlyDictionary<long, string>? titles = options.MoviesPath is null ? null : MovieTitles.Read(options.MoviesPath);
        options.RequireFits(all);
        progress.Lap("read ratings");
        Directory.CreateDirectory(context.OutputDirectory);
        RatingSplit split = RatingSplit.Create(all, rng.Fork());
        progress.Lap("split");
        RecommenderSelection selection = RecommenderSelection.Choose(split, options, rng.Fork(), progress);
        progress.Lap("selection (bias, mf-sgd, als on train, scored on validation)");
        RatingSet fit = split.Fit, test = split.Test;
        var range = RatingRange.Of(fit);
        bool[] cold = RatingMetrics.Cold(fit, test);

        var models = new List<ModelResult>();
        var parity = new List<ParityCheck>();
        var quality = new List<QualityCheck>();

        progress.Report("baselines", 0, 2);
        var globalMean = new GlobalMean(fit.Mean());
        models.Add(new ModelResult("global-mean", ModelKinds.FromScratch, RatingMetrics.Summary(test, RatingMetrics.Predict(globalMean, test), range, cold)));
        BiasBaseline bias = BiasBaseline.Fit(fit, selection.Bias.Lambda, HyperParameterSearch.BiasSweeps);
        double[] biasScores = RatingMetrics.Predict(bias, test);
        models.Add(new ModelResult("bias-baseline", ModelKinds.FromScratch, RatingMetrics.Summary(test, biasScores, range, cold)));
        progress.Report("baselines", 2, 2);
        progress.Lap("baselines");

        Rng fitRng = rng.Fork();
        BiasedMf initial = BiasedMf.Initial(all.UserCount, all.ItemCount, options.FactorCount, fit.Mean(), InitialScale, fitRng.Fork()).ZeroRowsWithoutRatings(fit);
        var orders = EpochOrders.Seeded(fitRng.NextUInt64(), selection.Sgd.Epochs);
        var sgdTrain = new List<double>();
        BiasedMf sgd = new MfSgd(options.Eta, selection.Sgd.Lambda, orders).Train(initial, fit, (epoch, state) =>
        {
            sgdTrain.Add(range.Rmse(state, fit));
            progress.Report("mf-sgd-from-scratch epochs (train + validation)", epoch, selection.Sgd.Epochs);
        });
        string? diverged = sgd.IsFinite() ? null : Divergence(sgdTrain.FindIndex(rmse => !double.IsFinite(rmse)) + 1, selection.Sgd.Epochs, options.Eta, selection.Sgd.Lambda);
        double[] sgdScores = RatingMetrics.Predict(sgd, test);
        double[]? sgdSpectrum = diverged is null ? LowRankSpectrum.Of(sgd.P, sgd.Q, new JacobiSvd()) : null;
        models.Add(WithSpectrum("mf-sgd-from-scratch", RatingMetrics.Summary(test, sgdScores, range, cold, diverged), sgdSpectrum, diverged, options.RatingsPath is null));
        progress.Lap("mf-sgd-from-scratch (refit, test metrics, spectrum)");

        var alsTrain = new List<double>();
        BiasedMf als = new Als(selection.Als.Lambda, selection.Als.Epochs).Train(initial, fit, (epoch, state) =>
        {
            alsTrain.Add(range.Rmse(state, fit));
            progress.Report("als-from-scratch epochs (train + validation)", epoch, selection.Als.Epochs);
        });
        double[] alsSpectrum = LowRankSpectrum.Of(als.P, als.Q, new JacobiSvd());
        Dictionary<string, object> alsMetrics = RatingMetrics.Summary(test, RatingMetrics.Predict(als, test), range, cold);
        progress.Lap("als-from-scratch (refit, test metrics, spectrum)");
        progress.Report("als-from-scratch predictive intervals", 0, 1);
        foreach ((string key, object value) in IntervalCoverage.Metrics(als, PredictiveVariance.Fit(als, fit, selection.Als.Lambda), test, cold))
        {
            alsMetrics[key] = value;
        }
        progress.Report("als-from-scratch predictive intervals", 1, 1);
        progress.Lap("als-from-scratch predictive intervals");
        models.Add(WithSpectrum("als-from-scratch", alsMetrics, alsSpectrum, null, options.RatingsPath is null));

        progress.Report("ffm-mlnet", 0, 1);
        RatingSet ffmFit = RatingSample.Draw(fit, FfmMaxRatings, fitRng.Fork());
        (MLNetFfm ffm, double[] ffmScores) = MLNetFfm.TrainAndScore(ffmFit, test, MLNetSeed(context.Seed), FfmIterations, FfmLatentDimension);
        string? ffmTrainedOn = ffmFit.Count < fit.Count ? $"{RatingSample.Describe(ffmFit, fit, "train + validation ratings")}, above {FfmMaxRatings}; tested on all {test.Count} test ratings" : null;
        models.Add(RankingResult("ffm-mlnet", ModelKinds.MLNet, test, ffmScores, ffmTrainedOn));
        progress.Report("ffm-mlnet", 1, 1);
        progress.Lap("ffm-mlnet");

        parity.Add(LearnedSpectrumParity(sgd, als, sgdSpectrum, alsSpectrum, fit.Count));
        progress.Lap("learned-spectrum parity (torch)");
        TwinResults twins = RunTwins(context, options.Eta, selection, fit, test, initial, rng.Fork(), models, parity);
        progress.Lap("torch twins (sample)");
        parity.AddRange(SvdAndPcaParity(rng.Fork(), MLNetSeed(context.Seed), progress, context.OutputDirectory));
        progress.Lap("svd/pca twins");

        var baselineScorer = new FactorScorer(all.UserIds, all.ItemIds, bias.ToFactors(), range);
        FactorScorer? sgdScorer = diverged is null ? new FactorScorer(all.UserIds, all.ItemIds, sgd, range) : null;
        var seen = SeenItems.Of(all);
        Core.Output.AtomicFile.WriteAllText(Path.Combine(context.OutputDirectory, "recommendations.csv"),
            sgdScorer is null ? RecommendationsHeader : new ModelRecommendations(sgdScorer, seen, baselineScorer).Csv(titles));
        progress.Lap("seen items, recommendations.csv");
        SaveModels(context, options, selection, all, range, seen, globalMean, baselineScorer, sgdScorer, new FactorScorer(all.UserIds, all.ItemIds, als, range), ffm, twins);
        progress.Lap("save models");
        inspect?.Invoke(new InRunModels(test, globalMean, bias, diverged is null ? sgd : null, als, ffmScores, twins));
        PngPlot.Lines(Path.Combine(context.OutputDirectory, "singular-spectrum.png"), "Singular values of the learned P·Q^T (log10)", "index", "σ",
            sgdSpectrum is null ? [("als-from-scratch", alsSpectrum)] : [("mf-sgd-from-scratch", sgdSpectrum), ("als-from-scratch", alsSpectrum)], logY: true);
        PlotCurves(Path.Combine(context.OutputDirectory, "rmse-mf-sgd-from-scratch.png"), "mf-sgd-from-scratch", sgdTrain, selection.Sgd);
        PlotCurves(Path.Combine(context.OutputDirectory, "rmse-als-from-scratch.png"), "als-from-scratch", alsTrain, selection.Als);

        double sgdRmse = RatingMetrics.Rmse(test, [.. sgdScores.Select(range.Clip)]);
        double biasRmse = RatingMetrics.Rmse(test, [.. biasScores.Select(range.Clip)]);
        quality.Add(QualityCheck.AtLeast("test RMSE: bias-baseline − mf-sgd-from-scratch (MF beats biases)", biasRmse - sgdRmse, 0.0));
        if (options.RatingsPath is null)
        {
            double miss = sgdSpectrum is null ? double.NaN : Math.Abs(LowRankSpectrum.RankAtLargestGap(sgdSpectrum) - SyntheticRatings.PlantedRank);
            quality.Add(QualityCheck.AtMost("|recovered − planted rank| (mf-sgd-from-scratch)", miss, 0));
        }
        else
        {
            quality.Add(QualityCheck.AtMost("test RMSE of mf-sgd-from-scratch", sgdRmse, MovieLensRmseTarget));
        }
        progress.Lap("plots, quality checks");
        progress.WriteTo($"{all.Count} ratings");
        string source = options.RatingsPath is null ? all.Source : Path.GetFullPath(options.RatingsPath);
        string name = options.RatingsPath is null ? "synthetic planted-rank ratings" : Path.GetFileName(options.RatingsPath);
        return new RunReport("recommender", context.Seed, new DatasetInfo(name, source, all.Count), models, parity, quality, selection.ToProtocol(split, options));
    }

    /// <summary>Why MF-SGD's factors are not finite: the first epoch after which they were not, of how many, with η and λ.</summary>
    internal static string Divergence(int epoch, int epochs, double eta, double lambda) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"MF-SGD diverged: its factors are not finite from epoch {epoch} of {epochs} (η = {eta}, λ = {lambda}); a smaller --lr, or ratings on a smaller scale, keeps the steps stable");

    /// <summary>ML.NET takes an int seed: the run seed folded into 0..int.MaxValue.</summary>
    public static int MLNetSeed(ulong seed) => (int)(seed % int.MaxValue);

    /// <summary>
    /// The reported spectra (Jacobi) against torch.linalg.svd on the same k×k cores; a diverged MF-SGD has no spectrum
    /// (its metrics say why), so only ALS's is compared then.
    /// </summary>
    private static ParityCheck LearnedSpectrumParity(BiasedMf sgd, BiasedMf als, double[]? sgdSpectrum, double[] alsSpectrum, int ratings)
    {
        var comparison = new Comparison("from-scratch", "torch");
        if (sgdSpectrum is not null)
        {
            comparison.Add("mf-sgd σ", sgdSpectrum, LowRankSpectrum.Of(sgd.P, sgd.Q, new TorchSvd()), Positive(sgdSpectrum[0]));
        }
        comparison.Add("als σ", alsSpectrum, LowRankSpectrum.Of(als.P, als.Q, new TorchSvd()), Positive(alsSpectrum[0]));
        string models = sgdSpectrum is null ? "the reported als-from-scratch model (mf-sgd-from-scratch diverged: no spectrum)" : "the reported mf-sgd-from-scratch and als-from-scratch models";
        return RecommenderChecks.LearnedSpectrum.Measure(comparison, $"the k×k cores R_P·R_Qᵀ of {models}, fitted on {ratings} ratings");
    }

    private static TwinResults RunTwins(RunContext context, double eta, RecommenderSelection selection, RatingSet fit, RatingSet test, BiasedMf initial, Rng rng, List<ModelResult> models, List<ParityCheck> parity)
    {
        var sample = TwinSample.Draw(fit, test, initial, TwinEpochs, rng);
        (FactorScorer sgdScratch, FactorScorer sgdTorch) = RunTwin(context, sample, new MfSgd(eta, selection.Sgd.Lambda, sample.Orders), new TorchMfSgd(eta, selection.Sgd.Lambda, sample.Orders), RecommenderChecks.SgdTwin, models, parity);
        (FactorScorer alsScratch, FactorScorer alsTorch) = RunTwin(context, sample, new Als(selection.Als.Lambda, TwinEpochs), new TorchAls(selection.Als.Lambda, TwinEpochs), RecommenderChecks.AlsTwin, models, parity);
        return new TwinResults(sgdScratch, sgdTorch, alsScratch, alsTorch, sample.Test);
    }

    /// <summary>
    /// The final states of both twin pairs on the sample (over the sample's ids, clipped to its range), as they are
    /// saved, and the sample's test ratings the twins' metrics are computed on.
    /// </summary>
    internal sealed record TwinResults(FactorScorer SgdScratch, FactorScorer SgdTorch, FactorScorer AlsScratch, FactorScorer AlsTorch, RatingSet Test);

    /// <summary>The models a run reported, as they were in memory (sgd null when it diverged), with the test split and ffm-mlnet's test scores.</summary>
    internal sealed record InRunModels(RatingSet Test, GlobalMean GlobalMean, BiasBaseline Bias, BiasedMf? Sgd, BiasedMf Als, double[] FfmScores, TwinResults Twins);

    /// <summary>
    /// Trains a from-scratch trainer and its twin on the sample from the same state; adds the twin's model row, its
    /// train-RMSE plot and the per-epoch parity; returns both final states.
    /// </summary>
    private static (FactorScorer Scratch, FactorScorer Twin) RunTwin(RunContext context, TwinSample sample, IMfTrainer scratch, IMfTrainer twin, CheckDefinition check, List<ModelResult> models, List<ParityCheck> parity)
    {
        var scratchStates = new List<BiasedMf>();
        scratch.Train(sample.Initial, sample.Train, (_, state) => scratchStates.Add(state.Clone()));
        var range = RatingRange.Of(sample.Train);
        var trainRmse = new List<double>();
        var twinStates = new List<BiasedMf>();
        BiasedMf model = twin.Train(sample.Initial, sample.Train, (epoch, state) =>
        {
            twinStates.Add(state.Clone());
            trainRmse.Add(range.Rmse(state, sample.Train));
            context.Progress.Report($"{twin.Name} epochs (sample)", epoch, TwinEpochs);
        });
        string? diverged = model.IsFinite() ? null : $"{twin.Name} diverged: its factors are not finite after {TwinEpochs} epochs on the twins' sample";
        Dictionary<string, object> metrics = RatingMetrics.Summary(sample.Test, RatingMetrics.Predict(model, sample.Test), range, RatingMetrics.Cold(sample.Train, sample.Test), diverged);
        metrics["trainedOn"] = sample.TrainedOn;
        models.Add(new ModelResult(twin.Name, ModelKinds.Torch, metrics));
        PngPlot.Lines(Path.Combine(context.OutputDirectory, $"rmse-{twin.Name}.png"), $"{twin.Name} (sample): train RMSE per epoch", "epoch", "RMSE", [("train", trainRmse)]);
        parity.Add(check.Measure(EpochComparison.Of(scratch.Name, scratchStates, "torch", twinStates),
            $"the twins' {sample.TrainedOn}; unclipped states"));
        return (new FactorScorer(sample.Train.UserIds, sample.Train.ItemIds, scratchStates[^1], range), new FactorScorer(sample.Train.UserIds, sample.Train.ItemIds, model, range));
    }

    /// <summary>
    /// SVD and PCA twins on seeded planted matrices: σ and definition (from scratch vs torch, Golub–Kahan vs Jacobi), PCA
    /// axes and ML.NET's subspace; draws <c>pca-scree.png</c> in <paramref name="folder"/>, every explained variance
    /// λᵢ = σᵢ²/(N − 1) of the planted PCA sample (all d components, log scale).
    /// </summary>
    internal static IEnumerable<ParityCheck> SvdAndPcaParity(Rng rng, int mlnetSeed, IRunProgress progress, string folder)
    {
        progress.Report("svd/pca twins", 0, 3);
        const string gaussian = "a seeded 200×120 Gaussian matrix";
        Matrix a = rng.GaussianMatrix(200, 120);
        SvdResult scratch = new JacobiSvd().Decompose(a);
        SvdResult torch = new TorchSvd().Decompose(a);
        SvdResult golubKahan = new GolubKahanSvd().Decompose(a);
        yield return RecommenderChecks.SingularValuesTorch.Measure(SvdChecks.SingularValues("from-scratch", scratch, "torch", torch), gaussian);
        yield return RecommenderChecks.GolubKahanVsJacobi.Measure(SvdChecks.SingularValues("golub-kahan", golubKahan, "from-scratch", scratch), gaussian);
        yield return RecommenderChecks.Reconstruction.Measure(SvdChecks.Definition("from-scratch", a, scratch), gaussian);
        yield return RecommenderChecks.Reconstruction.Measure(SvdChecks.Definition("golub-kahan", a, golubKahan), gaussian);
        progress.Report("svd/pca twins", 1, 3);

        const string planted = "a seeded 500×40 sample with 5 planted axes (variances 100, 49, 25, 9, 4; noise 0.01), K = 5";
        Matrix x = PlantedSample.Create(500, 40, [10.0, 7.0, 5.0, 3.0, 2.0], 0.1, 1.0, rng);
        PngPlot.Lines(Path.Combine(folder, "pca-scree.png"), "PCA scree: explained variance of the planted 500×40 sample (log10)", "component", "λ",
            [("from-scratch (JacobiSvd), 5 planted axes", PcaModel.Fit(x, x.Columns, new JacobiSvd()).ExplainedVariance)], logY: true);
        PcaModel pcaScratch = PcaModel.Fit(x, 5, new JacobiSvd());
        PcaModel pcaTorch = PcaModel.Fit(x, 5, new TorchSvd());
        yield return RecommenderChecks.PcaAxesTorch.Measure(new Comparison("from-scratch", "torch").Add("axes", pcaScratch.Components, pcaTorch.Components), planted);
        progress.Report("svd/pca twins", 2, 3);
        (Matrix mlnetAxes, _) = MLNetPca.Fit(x, 5, mlnetSeed);
        yield return RecommenderChecks.MLNetSubspace.Measure(MLNetPca.SubspaceComparison(pcaScratch, mlnetAxes), planted);
        progress.Report("svd/pca twins", 3, 3);
    }

    /// <summary>recommendations.csv when MF-SGD diverged: only the header (a diverged model has no predictions to rank).</summary>
    private const string RecommendationsHeader = "userId,rank,movieId,predicted,title\n";

    /// <summary>
    /// Saves every reported model under <c>models/</c> (<see cref="RecommenderModels"/>); a diverged model — MF-SGD or a
    /// TorchSharp twin whose factors are not finite (metrics.json says why) — is not saved, nor a twin-sample state
    /// that diverged.
    /// </summary>
    private static void SaveModels(RunContext context, RecommenderOptions options, RecommenderSelection selection, RatingSet all, RatingRange range, SeenItems seen,
        GlobalMean globalMean, FactorScorer baseline, FactorScorer? sgd, FactorScorer als, MLNetFfm ffm, TwinResults twins)
    {
        string folder = context.OutputDirectory;
        ulong seed = context.Seed;
        var sgdHyper = new Dictionary<string, double> { ["lambda"] = selection.Sgd.Lambda, ["epochs"] = selection.Sgd.Epochs, ["learningRate"] = options.Eta, ["initialScale"] = InitialScale };
        var alsHyper = new Dictionary<string, double> { ["lambda"] = selection.Als.Lambda, ["epochs"] = selection.Als.Epochs, ["initialScale"] = InitialScale };
        var sgdTwinHyper = new Dictionary<string, double> { ["lambda"] = selection.Sgd.Lambda, ["epochs"] = TwinEpochs, ["learningRate"] = options.Eta, ["initialScale"] = InitialScale };
        var alsTwinHyper = new Dictionary<string, double> { ["lambda"] = selection.Als.Lambda, ["epochs"] = TwinEpochs, ["initialScale"] = InitialScale };
        RecommenderModels.SaveFromScratch(folder, seed, RecommenderModels.GlobalMean, new FactorScorer(all.UserIds, all.ItemIds, globalMean.ToFactors(all.UserCount, all.ItemCount), range), new Dictionary<string, double>());
        RecommenderModels.SaveFromScratch(folder, seed, RecommenderModels.BiasBaseline, baseline,
            new Dictionary<string, double> { ["lambda"] = selection.Bias.Lambda, ["sweeps"] = HyperParameterSearch.BiasSweeps });
        if (sgd is not null)
        {
            RecommenderModels.SaveFromScratch(folder, seed, RecommenderModels.MfSgd, sgd, sgdHyper, seen, Finite(twins.SgdScratch), sgdTwinHyper);
        }
        if (als.Model.IsFinite())
        {
            RecommenderModels.SaveFromScratch(folder, seed, RecommenderModels.Als, als, alsHyper, null, Finite(twins.AlsScratch), alsTwinHyper);
        }
        RecommenderModels.SaveFfm(folder, seed, ffm);
        foreach ((string name, FactorScorer twin, Dictionary<string, double> hyper) in new[] { (RecommenderModels.MfTorch, twins.SgdTorch, sgdTwinHyper), (RecommenderModels.AlsTorch, twins.AlsTorch, alsTwinHyper) })
        {
            if (twin.Model.IsFinite())
            {
                RecommenderModels.SaveTorch(folder, seed, name, twin, hyper);
            }
        }
    }

    private static FactorScorer? Finite(FactorScorer state) => state.Model.IsFinite() ? state : null;

    /// <summary>Train RMSE per epoch of the reported fit, and the validation RMSE per epoch of every λ tried in selection.</summary>
    private static void PlotCurves(string path, string name, IReadOnlyList<double> train, MfChoice choice)
    {
        var series = new List<(string, IReadOnlyList<double>)> { ("train (fit on train + validation)", train) };
        series.AddRange(choice.Curves.Select(c => ($"validation, λ = {c.Lambda.ToString(System.Globalization.CultureInfo.InvariantCulture)} (selection)", c.Rmse)));
        PngPlot.Lines(path, $"{name}: RMSE per epoch (clipped predictions)", "epoch", "RMSE", series);
    }

    private static double Positive(double scale) => scale > 0.0 && double.IsFinite(scale) ? scale : 1.0;

    private static ModelResult RankingResult(string name, string kind, RatingSet test, double[] scores, string? trainedOn)
    {
        Dictionary<string, object> metrics = RatingMetrics.RankingSummary(test, scores);
        metrics["scores"] = "P(rating ≥ 4); RMSE/MAE do not apply to a classifier's probabilities";
        if (trainedOn is not null)
        {
            metrics["trainedOn"] = trainedOn;
        }
        return new ModelResult(name, kind, metrics);
    }

    /// <summary>The metrics with <c>singularValues</c> (and, on the planted data, the planted and recovered rank) added, or their reason when the model diverged.</summary>
    private static ModelResult WithSpectrum(string name, Dictionary<string, object> metrics, double[]? spectrum, string? diverged, bool planted)
    {
        metrics["singularValues"] = spectrum is null ? new NotComputed(diverged!) : spectrum;
        if (planted)
        {
            metrics["plantedRank"] = SyntheticRatings.PlantedRank;
            metrics["recoveredRank"] = spectrum is null ? new NotComputed(diverged!) : LowRankSpectrum.RankAtLargestGap(spectrum);
        }
        return new ModelResult(name, ModelKinds.FromScratch, metrics);
    }

    /// <summary>
    /// The twins' parity sample: <see cref="TwinSampleSize"/> training ratings drawn by a seeded permutation, re-indexed
    /// to their own users and items (so the tables are small), the test ratings of those users and items, the matching
    /// rows of the initial state, and one seeded rating order per epoch.
    /// </summary>
    internal sealed record TwinSample(RatingSet Train, RatingSet Test, BiasedMf Initial, EpochOrders Orders, string TrainedOn)
    {
        /// <summary>The sample of <paramref name="fit"/> (and <paramref name="test"/>) for <paramref name="epochs"/> epochs, from two forks of <paramref name="rng"/>.</summary>
        public static TwinSample Draw(RatingSet fit, RatingSet test, BiasedMf initial, int epochs, Rng rng)
        {
            int[] sampleOrder = rng.Fork().Permutation(fit.Count);
            (RatingSet train, int[] users, int[] items) = fit.Subset(sampleOrder[..Math.Min(TwinSampleSize, fit.Count)]).Compact();
            RatingSet sampleTest = test.Restrict(users, items);
            var orders = EpochOrders.Seeded(rng.NextUInt64(), epochs);
            string trainedOn = $"seeded sample of {train.Count} training ratings ({train.UserCount} users, {train.ItemCount} items) × {epochs} epochs; tested on the {sampleTest.Count} test ratings of those users and items";
            return new TwinSample(train, sampleTest, initial.Rows(users, items), orders, trainedOn);
        }
    }
}
