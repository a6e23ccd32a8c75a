using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>A fact that is skipped, with the reason, when the optdigits split files are absent.</summary>
public sealed class OptdigitsFactAttribute : FactAttribute
{
    public OptdigitsFactAttribute()
    {
        if (DatasetLocator.Find("optdigits/optdigits-train.csv") is null || DatasetLocator.Find("optdigits/optdigits-test.csv") is null)
        {
            Skip = "optdigits is absent: put optdigits-train.csv and optdigits-test.csv in ../shared/datasets/optdigits/ (or $REFSOL_DATA/optdigits/) to run this test";
        }
    }
}
