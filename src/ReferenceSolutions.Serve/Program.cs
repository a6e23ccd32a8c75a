using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Serve;

try
{
    await ServeApp.Create(args).RunAsync().ConfigureAwait(false);
    return 0;
}
catch (UserInputException e)
{
    await Console.Error.WriteLineAsync($"error: {Echo.Message(e.Message)}").ConfigureAwait(false);
    return 2;
}

/// <summary>
/// The entry point of <c>dotnet ReferenceSolutions.Serve.dll --Serve:Models:0 DIR [--urls URL]</c> (<c>refsol serve</c>
/// starts the same app); public so that WebApplicationFactory&lt;Program&gt; can start it in tests.
/// </summary>
public partial class Program;
