using ReferenceSolutions.Core.Models;

namespace ReferenceSolutions.Core.Solutions;

/// <summary>A solution whose saved models <c>refsol score &lt;name&gt;</c> can load and score.</summary>
public interface IScoringSolution : ISolution
{
    /// <summary>
    /// Loads every saved model of this solution under <see cref="ScoreRequest.ModelDirectory"/>, scores the rows of
    /// <see cref="ScoreRequest.InputFile"/> (the training layout; a label column optional and ignored) and compares the
    /// twins on them. Bad input, a missing or extra column or a bad manifest is a
    /// <see cref="Data.UserInputException"/> naming the file and field.
    /// </summary>
    ScoreOutput Score(ScoreRequest request);
}

/// <summary>
/// What <c>refsol score</c> is given: the models (a run folder, its <c>models/</c> or one model's folder), the rows, how
/// many contributions to list per row (0: none), and the engine (<see cref="ScoreEngines"/>).
/// </summary>
public sealed record ScoreRequest(string ModelDirectory, string InputFile, int Explain = 0, string Engine = ScoreEngines.Native);

/// <summary>The values of <see cref="ScoreRequest.Engine"/>.</summary>
public static class ScoreEngines
{
    /// <summary>Each model's own code: the from-scratch classes, TorchSharp, ML.NET.</summary>
    public const string Native = "native";

    /// <summary>ONNX Runtime on each model's exported ONNX graph, where it has one.</summary>
    public const string Onnx = "onnx";
}

/// <summary>The CSV's columns (after <c>row</c>) and the report of one <c>refsol score</c>.</summary>
public sealed record ScoreOutput(IReadOnlyList<ScoreColumn> Columns, ScoreReport Report);
