using System.CommandLine;
using ReferenceSolutions.FraudDetection;
using ReferenceSolutions.FraudDetection.Verification;

namespace ReferenceSolutions.Cli.Commands;

/// <summary><c>refsol run fraud</c>, <c>refsol verify metrics</c> and <c>refsol verify logreg</c>.</summary>
internal static class FraudCommands
{
    public static SolutionCommands Create(CliIo io)
    {
        var solution = new FraudSolution();
        var data = new Option<string?>("--data") { Description = "CSV with a header, numeric features and a 0/1 label column (default: built-in seeded generator)." };
        var label = new Option<string>("--label") { Description = "Name of the label column.", DefaultValueFactory = _ => "Class" };
        var fpCost = new Option<double>("--fp-cost") { Description = "Cost of flagging a legitimate transaction.", DefaultValueFactory = _ => 1.0 };
        var fnCost = new Option<double>("--fn-cost") { Description = "Cost of missing a fraud.", DefaultValueFactory = _ => 50.0 };
        var targetRecall = new Option<double>("--target-recall") { Description = "Recall the second threshold must reach.", DefaultValueFactory = _ => 0.9 };
        var prior = new Option<double?>("--prior") { Description = "True fraud prevalence when the data were undersampled (default: 492/284807 for creditcard_sample.csv, else none)." };
        var split = new Option<string?>("--split") { Description = "time (earliest 70 % train, latest 30 % test) or stratified (seeded 70/30 with 5-fold cross-validation); default: time when the data have the time column, else stratified." };
        var timeColumn = new Option<string?>("--time-column") { Description = $"Column holding each row's time; never used as a feature (default: {FraudRunOptions.DefaultTimeColumn}, when present)." };
        var runL2 = new Option<double?>("--l2") { Description = "λ in Σ logloss + (λ/2)‖w‖², used as given (default: chosen from {0.01, 0.1, 1, 10, 100} on validation log-loss or by cross-validation)." };
        var maxRows = new Option<int>("--max-rows") { Description = "Refuse data with more rows (the run's time grows linearly in n; see docs/fraud-detection.md#input-limits).", DefaultValueFactory = _ => FraudLimits.DefaultMaxRows };
        var maxFeatures = MaxFeaturesOption();
        var permutationRepeats = new Option<int>("--permutation-repeats") { Description = $"R, the permutations per feature of the permutation importance (mean ± SE over R; see docs/fraud-detection.md#explanations).", DefaultValueFactory = _ => FraudRunOptions.DefaultPermutationRepeats };
        Command run = RunCommands.ForSolution(io, solution.Name, solution.Summary, [data, label, fpCost, fnCost, targetRecall, prior, split, timeColumn, runL2, maxRows, maxFeatures, permutationRepeats], (parse, context) =>
            solution.Run(context, new FraudRunOptions(
                DataFile: parse.GetValue(data),
                Label: parse.GetValue(label)!,
                FalsePositiveCost: parse.GetValue(fpCost),
                FalseNegativeCost: parse.GetValue(fnCost),
                TargetRecall: parse.GetValue(targetRecall),
                Prior: parse.GetValue(prior),
                Lambda: parse.GetValue(runL2),
                Split: parse.GetValue(split),
                TimeColumn: parse.GetValue(timeColumn),
                MaxRows: parse.GetValue(maxRows),
                MaxFeatures: parse.GetValue(maxFeatures),
                PermutationRepeats: parse.GetValue(permutationRepeats))));

        var scoresInput = new Option<string>("--input") { Description = "CSV with header label,score (label 0/1, score in [0, 1]).", Required = true };
        var threshold = new Option<double>("--threshold") { Description = "Predicted positive when score ≥ threshold.", DefaultValueFactory = _ => 0.5 };
        Command metrics = VerifyCommands.ForCheck(io, "metrics", "AUC, AP, log-loss (nats), F1, precision, recall, accuracy: from scratch vs ML.NET's Evaluate.", [scoresInput, threshold],
            parse => MetricsVerification.Run(parse.GetValue(scoresInput)!, parse.GetValue(threshold)));

        var dataInput = new Option<string>("--input") { Description = "CSV with a header, numeric features and a 0/1 label column.", Required = true };
        var labelName = new Option<string>("--label") { Description = "Name of the label column.", Required = true };
        var l2 = new Option<double>("--l2") { Description = "λ in Σ logloss + (λ/2)‖w‖² (intercept not penalised).", Required = true };
        var logregMaxFeatures = MaxFeaturesOption();
        var profile = new Option<string[]>("--profile") { Description = "With --l2 0: the 95 % profile-likelihood interval of these coefficients ((intercept), a feature name, or all), beside the Wald one.", AllowMultipleArgumentsPerToken = true };
        Command logreg = VerifyCommands.ForCheck(io, "logreg", "Logistic regression on raw features: Newton from scratch vs TorchSharp vs ML.NET L-BFGS.", [dataInput, labelName, l2, logregMaxFeatures, profile],
            parse => LogRegVerification.Run(parse.GetValue(dataInput)!, parse.GetValue(labelName)!, parse.GetValue(l2), maxFeatures: parse.GetValue(logregMaxFeatures), profile: parse.GetValue(profile) ?? []));

        return new SolutionCommands(solution, run, [metrics, logreg], []);
    }

    private static Option<int> MaxFeaturesOption() => new("--max-features")
    {
        Description = "Refuse data with more features (Newton's and TorchSharp's Hessians are (d+1)×(d+1) at O(n·d²) per step; see docs/fraud-detection.md#input-limits).",
        DefaultValueFactory = _ => FraudLimits.DefaultMaxFeatures,
    };
}
