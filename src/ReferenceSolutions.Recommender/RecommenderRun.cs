using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Plotting;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// One <c>refsol run recommender</c>: a seeded 80/20 split; baselines, MF-SGD, ALS and ML.NET's FFM on the full
/// split; the TorchSharp twins of MF-SGD and ALS on a seeded sample of the training ratings (one autograd step per
/// rating is ≈ 0.4 ms); SVD and PCA twins on seeded planted matrices; spectrum and RMSE-per-epoch plots.
/// </summary>
public static class RecommenderRun
{
    /// <summary>Ratings in the twins' parity sample.</summary>
    public const int TwinSampleSize = 2_000;

    /// <summary>Epochs of the twins' parity runs.</summary>
    public const int TwinEpochs = 3;

    /// <summary>ALS epochs (ALS converges in far fewer epochs than SGD).</summary>
    public const int AlsEpochs = 10;

    /// <summary>λ of ALS's weighted-λ objective.</summary>
    public const double AlsLambda = 0.1;

    /// <summary>λ of the bias baseline.</summary>
    public const double BiasLambda = 5.0;

    /// <summary>Standard deviation of the initial factors.</summary>
    public const double InitialScale = 0.1;

    /// <summary>Runs everything and returns the report (the CLI writes metrics.json).</summary>
    public static RunReport Execute(RunContext context, RecommenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        IRunProgress progress = context.Progress;
        var rng = new Rng(context.Seed);
        RatingSet all = options.RatingsPath is null ? SyntheticRatings.Generate(context.Seed) : RatingsFile.Read(options.RatingsPath);
        IReadOnlyDictionary<long, string>? titles = options.MoviesPath is null ? null : MovieTitles.Read(options.MoviesPath);
        int maxFactors = Math.Min(all.UserCount, all.ItemCount);
        if (options.Factors > maxFactors)
        {
            throw new UserInputException($"--factors {options.Factors} is larger than min(users, items) = {maxFactors} of {all.Source}");
        }
        (RatingSet train, RatingSet test) = all.Split(0.2, rng.Fork());
        Directory.CreateDirectory(context.OutputDirectory);

        var models = new List<ModelResult>();
        var parity = new List<ParityCheck>();
        var quality = new List<QualityCheck>();

        progress.Report("baselines", 0, 2);
        var globalMean = new GlobalMean(train.Mean());
        models.Add(Result("global-mean", ModelKinds.FromScratch, test, RatingMetrics.Predict(globalMean, test)));
        var bias = BiasBaseline.Fit(train, BiasLambda, 10);
        double[] biasScores = RatingMetrics.Predict(bias, test);
        models.Add(Result("bias-baseline", ModelKinds.FromScratch, test, biasScores));
        progress.Report("baselines", 2, 2);

        BiasedMf initial = BiasedMf.Initial(all.UserCount, all.ItemCount, options.Factors, train.Mean(), InitialScale, rng.Fork());
        int[][] orders = MfSgd.Orders(train.Count, options.Epochs, rng.Fork());
        var sgdCurves = new RmseCurves(train, test);
        BiasedMf sgd = new MfSgd(options.LearningRate, options.Regularization, orders).Train(initial, train, (epoch, state) =>
        {
            sgdCurves.Add(state);
            progress.Report("mf-sgd-from-scratch epochs", epoch, options.Epochs);
        });
        double[] sgdScores = RatingMetrics.Predict(sgd, test);
        double[] sgdSpectrum = LowRankSpectrum.Of(sgd.P, sgd.Q, new JacobiSvd());
        models.Add(WithSpectrum("mf-sgd-from-scratch", test, sgdScores, sgdSpectrum, options.RatingsPath is null));

        var alsCurves = new RmseCurves(train, test);
        BiasedMf als = new Als(AlsLambda, AlsEpochs).Train(initial, train, (epoch, state) =>
        {
            alsCurves.Add(state);
            progress.Report("als-from-scratch epochs", epoch, AlsEpochs);
        });
        double[] alsSpectrum = LowRankSpectrum.Of(als.P, als.Q, new JacobiSvd());
        models.Add(WithSpectrum("als-from-scratch", test, RatingMetrics.Predict(als, test), alsSpectrum, options.RatingsPath is null));

        progress.Report("ffm-mlnet", 0, 1);
        double[] ffmScores = MLNetFfm.TrainAndScore(train, test, MLNetSeed(context.Seed), iterations: 10, latentDimension: 16);
        models.Add(RankingResult("ffm-mlnet", ModelKinds.MLNet, test, ffmScores));
        progress.Report("ffm-mlnet", 1, 1);

        RunTwins(context, options, train, test, initial, rng, models, parity);
        parity.AddRange(SvdAndPcaParity(rng.Fork(), MLNetSeed(context.Seed), progress));

        WriteRecommendations(Path.Combine(context.OutputDirectory, "recommendations.csv"), sgd, all, titles);
        PngPlot.Lines(Path.Combine(context.OutputDirectory, "singular-spectrum.png"), "Singular values of the learned P·Q^T (log10)", "index", "σ",
            [("mf-sgd-from-scratch", sgdSpectrum), ("als-from-scratch", alsSpectrum)], logY: true);
        sgdCurves.Plot(Path.Combine(context.OutputDirectory, "rmse-mf-sgd-from-scratch.png"), "mf-sgd-from-scratch");
        alsCurves.Plot(Path.Combine(context.OutputDirectory, "rmse-als-from-scratch.png"), "als-from-scratch");

        double sgdRmse = RatingMetrics.Rmse(test, sgdScores);
        double biasRmse = RatingMetrics.Rmse(test, biasScores);
        quality.Add(QualityCheck.AtLeast("test RMSE: bias-baseline − mf-sgd-from-scratch (MF beats biases)", biasRmse - sgdRmse, 0.0));
        if (options.RatingsPath is null)
        {
            int recovered = LowRankSpectrum.RankAtLargestGap(sgdSpectrum);
            quality.Add(QualityCheck.AtMost("|recovered − planted rank| (mf-sgd-from-scratch)", Math.Abs(recovered - SyntheticRatings.PlantedRank), 0));
        }
        else
        {
            quality.Add(QualityCheck.AtMost("test RMSE of mf-sgd-from-scratch", sgdRmse, 0.860));
        }
        string source = options.RatingsPath is null ? all.Source : Path.GetFullPath(options.RatingsPath);
        string name = options.RatingsPath is null ? "synthetic planted-rank ratings" : Path.GetFileName(options.RatingsPath);
        return new RunReport("recommender", context.Seed, new DatasetInfo(name, source, all.Count), models, parity, quality);
    }

    /// <summary>ML.NET takes an int seed: the run seed folded into 0..int.MaxValue.</summary>
    public static int MLNetSeed(ulong seed) => (int)(seed % int.MaxValue);

    private static void RunTwins(RunContext context, RecommenderOptions options, RatingSet fullTrain, RatingSet fullTest, BiasedMf fullInitial, Rng rng, List<ModelResult> models, List<ParityCheck> parity)
    {
        int[] sampleOrder = rng.Fork().Permutation(fullTrain.Count);
        (RatingSet train, int[] sampleUsers, int[] sampleItems) = fullTrain.Subset(sampleOrder[..Math.Min(TwinSampleSize, fullTrain.Count)]).Compact();
        RatingSet test = fullTest.Restrict(sampleUsers, sampleItems);
        BiasedMf initial = fullInitial.Rows(sampleUsers, sampleItems);
        int[][] orders = MfSgd.Orders(train.Count, TwinEpochs, rng.Fork());
        string trainedOn = $"seeded sample of {train.Count} training ratings ({train.UserCount} users, {train.ItemCount} items) × {TwinEpochs} epochs; tested on the {test.Count} test ratings of those users and items";
        var sample = new TwinSample(train, test, initial, trainedOn);
        RunTwin(context, sample, new MfSgd(options.LearningRate, options.Regularization, orders), new TorchMfSgd(options.LearningRate, options.Regularization, orders),
            "mf-sgd: from-scratch vs torch, every epoch", "μ, bᵤ, bᵢ, P, Q after each epoch (same initial factors and rating order)", models, parity);
        RunTwin(context, sample, new Als(AlsLambda, TwinEpochs), new TorchAls(AlsLambda, TwinEpochs),
            "als: from-scratch (Cholesky) vs torch (linalg.solve), every epoch", "μ, bᵤ, bᵢ, P, Q after each epoch (same initial factors)", models, parity);
    }

    /// <summary>Trains a from-scratch trainer and its twin on the sample from the same state; adds the twin's model row, RMSE plot and per-epoch parity.</summary>
    private static void RunTwin(RunContext context, TwinSample sample, IMfTrainer scratch, IMfTrainer twin, string check, string identity, List<ModelResult> models, List<ParityCheck> parity)
    {
        var scratchStates = new List<BiasedMf>();
        scratch.Train(sample.Initial, sample.Train, (_, state) => scratchStates.Add(state));
        var curves = new RmseCurves(sample.Train, sample.Test);
        var twinStates = new List<BiasedMf>();
        BiasedMf model = twin.Train(sample.Initial, sample.Train, (epoch, state) =>
        {
            twinStates.Add(state);
            curves.Add(state);
            context.Progress.Report($"{twin.Name} epochs (sample)", epoch, TwinEpochs);
        });
        Dictionary<string, object> metrics = Metrics(sample.Test, RatingMetrics.Predict(model, sample.Test));
        metrics["trainedOn"] = sample.TrainedOn;
        models.Add(new ModelResult(twin.Name, ModelKinds.Torch, metrics));
        curves.Plot(Path.Combine(context.OutputDirectory, $"rmse-{twin.Name}.png"), $"{twin.Name} (sample)");
        parity.Add(ParityCheck.Measure(check, identity, MaxDiff(scratchStates, twinStates), RecommenderTolerances.FactorsPerEpoch));
    }

    /// <summary>SVD and PCA twins on seeded planted matrices: σ and reconstruction (from scratch vs torch), PCA axes and ML.NET's subspace.</summary>
    internal static IEnumerable<ParityCheck> SvdAndPcaParity(Rng rng, int mlnetSeed, IRunProgress progress)
    {
        progress.Report("svd/pca twins", 0, 3);
        Matrix a = rng.GaussianMatrix(200, 120);
        SvdResult scratch = new JacobiSvd().Decompose(a);
        SvdResult torch = new TorchSvd().Decompose(a);
        double sigma1 = torch.S[0];
        yield return ParityCheck.Measure("svd σ: from-scratch (Jacobi) vs torch, 200×120 Gaussian",
            "max|σⱼ − σⱼ'| / σ₁", Norms.MaxAbsDiff(scratch.S, torch.S) / sigma1, RecommenderTolerances.SingularValues);
        SvdResult golubKahan = new GolubKahanSvd().Decompose(a);
        yield return ParityCheck.Measure("svd σ: from-scratch Golub–Kahan vs from-scratch Jacobi, 200×120 Gaussian",
            "max|σⱼ − σⱼ'| / σ₁", Norms.MaxAbsDiff(scratch.S, golubKahan.S) / sigma1, RecommenderTolerances.SingularValues);
        yield return ParityCheck.Measure("svd reconstruction and orthonormality: Jacobi and Golub–Kahan, 200×120 Gaussian",
            "max(‖A − UΣVᵀ‖_max / ‖A‖₂, ‖UᵀU − I‖_max, ‖VᵀV − I‖_max)", Math.Max(SvdChecks.WorstRelativeError(a, scratch), SvdChecks.WorstRelativeError(a, golubKahan)), RecommenderTolerances.Reconstruction);
        progress.Report("svd/pca twins", 1, 3);

        Matrix x = PlantedSample.Create(500, 40, [10.0, 7.0, 5.0, 3.0, 2.0], 0.1, 1.0, rng);
        PcaModel pcaScratch = PcaModel.Fit(x, 5, new JacobiSvd());
        PcaModel pcaTorch = PcaModel.Fit(x, 5, new TorchSvd());
        yield return ParityCheck.Measure("pca axes: from-scratch vs torch, 500×40 planted (K = 5)",
            "max|Vₖᵀ − Vₖ'ᵀ| (unit axes, shared sign convention)", Norms.MaxAbsDiff(pcaScratch.Components, pcaTorch.Components), RecommenderTolerances.PcaAxes);
        progress.Report("svd/pca twins", 2, 3);
        (Matrix mlnetAxes, _) = MLNetPca.Fit(x, 5, mlnetSeed);
        yield return ParityCheck.Measure("pca subspace: from-scratch vs ML.NET ProjectToPrincipalComponents, 500×40 planted (K = 5)",
            "largest principal angle (radians) between the K-dimensional principal subspaces", MLNetPca.SubspaceAngle(pcaScratch.Components, mlnetAxes), RecommenderTolerances.MLNetSubspace);
        progress.Report("svd/pca twins", 3, 3);
    }

    /// <summary>The top 10 unrated items of the first five users under MF-SGD: <c>userId,rank,movieId,predicted,title</c>.</summary>
    private static void WriteRecommendations(string path, BiasedMf model, RatingSet all, IReadOnlyDictionary<long, string>? titles)
    {
        var text = new System.Text.StringBuilder("userId,rank,movieId,predicted,title\n");
        for (int u = 0; u < Math.Min(5, all.UserCount); u++)
        {
            foreach (Recommendation r in TopN.For(model, all, u, 10, titles))
            {
                string title = (r.Title ?? "").Replace("\"", "\"\"", StringComparison.Ordinal);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{all.UserIds[u]},{r.Rank},{r.ItemId},{r.PredictedRating:R},\"{title}\"\n");
            }
        }
        Core.Output.AtomicFile.WriteAllText(path, text.ToString());
    }

    private static double MaxDiff(List<BiasedMf> a, List<BiasedMf> b)
    {
        if (a.Count != b.Count || a.Count == 0)
        {
            return double.NaN;
        }
        return a.Zip(b, (x, y) => x.MaxAbsDiff(y)).Max();
    }

    private static ModelResult Result(string name, string kind, RatingSet test, double[] scores) => new(name, kind, Metrics(test, scores));

    private static Dictionary<string, object> Metrics(RatingSet test, double[] scores)
    {
        Dictionary<string, object> metrics = RatingMetrics.Summary(test, scores);
        metrics["auc"] = RatingMetrics.Auc(test, scores);
        return metrics;
    }

    private static ModelResult RankingResult(string name, string kind, RatingSet test, double[] scores)
    {
        (double p, double r, double n) = RatingMetrics.Ranking(test, scores);
        var metrics = new Dictionary<string, object>
        {
            ["precisionAt10"] = p,
            ["recallAt10"] = r,
            ["ndcgAt10"] = n,
            ["auc"] = RatingMetrics.Auc(test, scores),
            ["scores"] = "P(rating ≥ 4); RMSE/MAE do not apply to a classifier's probabilities",
        };
        return new ModelResult(name, kind, metrics);
    }

    private static ModelResult WithSpectrum(string name, RatingSet test, double[] scores, double[] spectrum, bool planted)
    {
        Dictionary<string, object> metrics = Metrics(test, scores);
        metrics["singularValues"] = spectrum;
        if (planted)
        {
            metrics["plantedRank"] = SyntheticRatings.PlantedRank;
            metrics["recoveredRank"] = LowRankSpectrum.RankAtLargestGap(spectrum);
        }
        return new ModelResult(name, ModelKinds.FromScratch, metrics);
    }

    /// <summary>The twins' parity sample: training ratings re-indexed to their own users and items, the matching test ratings and initial state.</summary>
    private sealed record TwinSample(RatingSet Train, RatingSet Test, BiasedMf Initial, string TrainedOn);

    /// <summary>Train and test RMSE after each epoch.</summary>
    private sealed class RmseCurves(RatingSet train, RatingSet test)
    {
        private readonly List<double> _train = [];
        private readonly List<double> _test = [];

        public void Add(IRatingModel model)
        {
            _train.Add(RatingMetrics.Rmse(train, RatingMetrics.Predict(model, train)));
            _test.Add(RatingMetrics.Rmse(test, RatingMetrics.Predict(model, test)));
        }

        public void Plot(string path, string name) =>
            PngPlot.Lines(path, $"{name}: RMSE per epoch", "epoch", "RMSE", [("train", _train), ("test", _test)]);
    }
}
