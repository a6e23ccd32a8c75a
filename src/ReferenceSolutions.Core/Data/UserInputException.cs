namespace ReferenceSolutions.Core.Data;

/// <summary>
/// A mistake in what the user gave (a file, an option, a value): reported as one line, <c>error: message</c>, with
/// exit code 2 and no stack trace. The message names the file, line and field where there is one.
/// </summary>
public class UserInputException(string message, Exception? inner = null) : Exception(message, inner);
