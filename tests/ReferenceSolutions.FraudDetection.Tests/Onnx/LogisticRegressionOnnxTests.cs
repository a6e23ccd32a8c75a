using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Onnx;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Onnx;
using ReferenceSolutions.FraudDetection.Selection;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests.Onnx;

/// <summary>The exported logistic regression: ONNX Runtime against the from-scratch scoring, and the file's structure read back.</summary>
public class LogisticRegressionOnnxTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true, 11UL)]
    [InlineData(false, 12UL)]
    public void OnnxRuntime_scores_held_out_rows_as_the_from_scratch_model_does(bool withPrior, ulong seed)
    {
        (LabeledData train, LabeledData test) = Split(TransactionGenerator.Generate(3000, seed));
        (SavedLogisticRegression saved, double[] native) = FitAndScore(train, test, withPrior);
        Matrix onnx = OnnxRunner.Run(LogisticRegressionOnnx.Build(saved, "test"), test.X);
        Comparison comparison = OnnxParity.AddRelative(new Comparison("onnx", ModelKinds.FromScratch), "p", onnx, Column(native));
        output.WriteLine(comparison.Describe(FraudChecks.OnnxLogReg.Tolerance.Value));
        ParityAssert.Passes(FraudChecks.OnnxLogReg, comparison);
    }

    [RealDataFact("creditcard-fraud/creditcard_sample.csv")]
    public void OnnxRuntime_scores_the_credit_card_samples_time_split_test_rows_as_the_from_scratch_model_does()
    {
        var options = new FraudRunOptions(DataFile: RealData.Path("creditcard-fraud/creditcard_sample.csv"));
        (LabeledData data, double[]? time) = TimeColumn.Separate(LabeledCsv.Read(options.DataFile!, options.Label), options);
        FraudSplit split = FraudSplit.ByTime(time!);
        LabeledData train = data.Subset(split.Train), test = data.Subset(split.Test);
        (SavedLogisticRegression saved, double[] native) = FitAndScore(train, test, withPrior: true);
        Matrix onnx = OnnxRunner.Run(LogisticRegressionOnnx.Build(saved, "test"), test.X);
        Comparison comparison = OnnxParity.AddRelative(new Comparison("onnx", ModelKinds.FromScratch), "p", onnx, Column(native));
        output.WriteLine($"{test.X.Rows} test rows, p from {native.Min():R} to {native.Max():R}: {comparison.Describe(FraudChecks.OnnxLogReg.Tolerance.Value)}");
        ParityAssert.Passes(FraudChecks.OnnxLogReg, comparison);
    }

    [Fact]
    public void A_wrong_initializer_or_a_missing_prior_breaks_parity()
    {
        (LabeledData train, LabeledData test) = Split(TransactionGenerator.Generate(2000, 13));
        (SavedLogisticRegression saved, double[] native) = FitAndScore(train, test, withPrior: true);
        double[] nudged = (double[])saved.Coefficients.Clone();
        nudged[0] *= 1 + 1e-9;
        foreach (SavedLogisticRegression wrong in new[] { saved with { Coefficients = nudged }, saved with { PriorBeta = null } })
        {
            Matrix onnx = OnnxRunner.Run(LogisticRegressionOnnx.Build(wrong, "test"), test.X);
            ParityAssert.Fails(FraudChecks.OnnxLogReg, OnnxParity.AddRelative(new Comparison("onnx", ModelKinds.FromScratch), "p", onnx, Column(native)));
        }
    }

    [Fact]
    public void The_file_read_back_holds_opset_17_the_named_input_and_output_and_the_models_numbers()
    {
        (LabeledData train, LabeledData test) = Split(TransactionGenerator.Generate(1000, 14));
        (SavedLogisticRegression saved, _) = FitAndScore(train, test, withPrior: true);
        byte[] bytes = LogisticRegressionOnnx.Build(saved, "test");
        Assert.Equal(bytes, LogisticRegressionOnnx.Build(saved, "test"));
        OnnxModel model = OnnxReader.Read(bytes);
        int d = saved.Features.Count;
        Assert.Equal([new OnnxOpset("", 17)], model.Opsets);
        OnnxValueInfo input = Assert.Single(model.Graph.Inputs);
        OnnxValueInfo result = Assert.Single(model.Graph.Outputs);
        Assert.Equal(("input", OnnxElementType.Double, $"N,{d}"), (input.Name, input.ElementType, string.Join(",", input.Shape)));
        Assert.Equal(("probability", OnnxElementType.Double, "N,1"), (result.Name, result.ElementType, string.Join(",", result.Shape)));
        Dictionary<string, OnnxTensor> initializers = model.Graph.Initializers.ToDictionary(t => t.Name);
        foreach ((string name, long[] dims, double[] values) in new[] { ("mean", new long[] { d }, saved.Mean), ("scale", [d], saved.Scale), ("coefficients", [d, 1], saved.Coefficients) })
        {
            Assert.Equal(dims, initializers[name].Dims);
            Assert.Equal(values, initializers[name].Values);
        }
        Assert.Equal([saved.Intercept], initializers["intercept"].Values);
        Assert.Equal([saved.PriorBeta!.Value], initializers["beta"].Values);
        Assert.Equal("probability", model.Graph.Nodes[^1].Outputs.Single());
        Assert.Equal(string.Join(",", saved.Features), model.Metadata.Single(e => e.Key == "features").Value);
    }

    [Fact]
    public void A_column_the_standardizer_rescales_by_a_power_of_two_is_exported_exactly()
    {
        (LabeledData train, LabeledData test) = Split(TransactionGenerator.Generate(2000, 15));
        foreach (LabeledData part in new[] { train, test })
        {
            for (int i = 0; i < part.X.Rows; i++)
            {
                part.X[i, 0] *= 1e300;
                part.X[i, 1] *= 1e-300;
            }
        }
        var scaler = Standardizer.Fit(train);
        Assert.Equal([0, 1], scaler.Rescaled.Select(r => r.Column));
        LogisticModel model = new NewtonLogisticRegression().Fit(scaler.Transform(train.X), train.Y, 1.0);
        double[] mean = [.. scaler.Mean], scale = [.. scaler.Scale];
        int[] exponents = new int[mean.Length];
        foreach ((int column, int exponent, double scaledMean, double scaledScale) in scaler.Rescaled)
        {
            (exponents[column], mean[column], scale[column]) = (exponent, scaledMean, scaledScale);
        }
        var saved = new SavedLogisticRegression(train.FeatureNames, mean, scale, model.Intercept, model.Weights, null, exponents);
        double[] native = model.Probabilities(scaler.Transform(test.X));
        Matrix onnx = OnnxRunner.Run(LogisticRegressionOnnx.Build(saved, "test"), test.X);
        ParityAssert.Passes(FraudChecks.OnnxLogReg, OnnxParity.AddRelative(new Comparison("onnx", ModelKinds.FromScratch), "p", onnx, Column(native)));
        Matrix unscaled = OnnxRunner.Run(LogisticRegressionOnnx.Build(saved with { Exponents = null }, "test"), test.X);
        ParityAssert.Fails(FraudChecks.OnnxLogReg, OnnxParity.AddRelative(new Comparison("onnx", ModelKinds.FromScratch), "p", unscaled, Column(native)));
    }

    /// <summary>The first 70 % of rows for training, the rest held out.</summary>
    private static (LabeledData Train, LabeledData Test) Split(LabeledData data)
    {
        int cut = (int)(0.7 * data.X.Rows);
        return (data.Subset([.. Enumerable.Range(0, cut)]), data.Subset([.. Enumerable.Range(cut, data.X.Rows - cut)]));
    }

    /// <summary>
    /// The run's from-scratch path: Standardizer and Newton (λ = 1) on the training rows, the ULB prior correction when
    /// asked; returns the saved form and the from-scratch probabilities of the held-out raw rows.
    /// </summary>
    private static (SavedLogisticRegression Saved, double[] Native) FitAndScore(LabeledData train, LabeledData test, bool withPrior)
    {
        var scaler = Standardizer.Fit(train);
        LogisticModel model = new NewtonLogisticRegression().Fit(scaler.Transform(train.X), train.Y, 1.0);
        PriorCorrection? prior = withPrior ? new PriorCorrection(PriorCorrection.CreditCardPrior, train.Y.Average()) : null;
        double[] p = model.Probabilities(scaler.Transform(test.X));
        if (prior is not null)
        {
            p = [.. p.Select(prior.Correct)];
        }
        return (new SavedLogisticRegression(train.FeatureNames, scaler.Mean, scaler.Scale, model.Intercept, model.Weights, prior?.Beta), p);
    }

    private static Matrix Column(double[] values) => new(values.Length, 1, values);
}
