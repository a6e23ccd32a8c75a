using System.Globalization;
using System.Text;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Verification;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>The verify commands' engines on small files: agreement, and located errors for bad input.</summary>
public sealed class VerificationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fraud-verify-{Guid.NewGuid():N}");

    public VerificationTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Verify_metrics_agrees_with_MLNet_and_names_its_fields()
    {
        (double[] s, int[] y) = MetricsTests.Random(4, 500, 40);
        var text = new StringBuilder("label,score\n");
        for (int i = 0; i < s.Length; i++)
        {
            text.Append(y[i]).Append(',').Append(Math.Clamp(s[i], 0.001, 0.999).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        VerifyReport report = MetricsVerification.Run(Write("scores.csv", text.ToString()), 0.5);
        Assert.True(report.Passed, $"max |diff| {report.MaxAbsDiff}");
        var scratch = (Dictionary<string, object>)report.Implementations["from-scratch"];
        Assert.Equal(["auc", "averagePrecision", "logLoss", "f1", "precision", "recall", "accuracy", "auprcLowerTrapezoid"], scratch.Keys);
    }

    [Fact]
    public void Verify_metrics_refuses_a_score_outside_0_1_with_its_line()
    {
        string path = Write("bad.csv", "label,score\n1,0.4\n0,1.7\n");
        var error = Assert.ThrowsAny<UserInputException>(() => MetricsVerification.Run(path, 0.5));
        Assert.Contains($"{path}:3: column 'score'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_logreg_twins_agree_on_raw_features()
    {
        (Core.LinearAlgebra.Matrix x, int[] y) = TestData.Logistic(800, 4, 41);
        var text = new StringBuilder("x1,x2,x3,x4,fraud\n");
        for (int i = 0; i < y.Length; i++)
        {
            foreach (double v in x.Row(i))
            {
                text.Append((v * 3).ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }
            text.Append(y[i]).Append('\n');
        }
        VerifyReport report = LogRegVerification.Run(Write("d.csv", text.ToString()), "fraud", 0.5);
        Assert.True(report.Passed, $"max relative |Δθ| {report.MaxAbsDiff}");
        Assert.Equal(["from-scratch", "torch", "mlnet"], report.Implementations.Keys);
    }

    [Fact]
    public void Verify_logreg_refuses_a_negative_lambda()
    {
        Assert.Throws<UserInputException>(() => LogRegVerification.Run(Write("e.csv", "a,y\n1,0\n2,1\n"), "y", -1));
    }
}
