namespace ReferenceSolutions.Serve.Digits;

/// <summary>The answer of <c>POST /v1/digits/classify</c>: the model and one <see cref="DigitResult"/> per image, in order.</summary>
public sealed record DigitResponse(string Model, IReadOnlyList<DigitResult> Results);

/// <summary>The predicted class (argmax of P, the first on ties) and the C class probabilities of one image.</summary>
public sealed record DigitResult(int Class, IReadOnlyList<double> Probabilities);
