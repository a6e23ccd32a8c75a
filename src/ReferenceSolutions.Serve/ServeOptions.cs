using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ReferenceSolutions.Serve;

/// <summary>
/// What <c>refsol serve</c> is started with: the model folders (each a run folder, a <c>models/</c> folder or one
/// model's folder), the folder whose run folders <c>/runs/</c> lists, and the largest request body accepted.
/// </summary>
public sealed record ServeOptions(IReadOnlyList<string> Models, string Runs, long MaxBodyBytes = ServeOptions.DefaultMaxBodyBytes)
{
    /// <summary>1 MiB: about 1,400 fraud transactions of 30 features, or 2,000 digit images, per request.</summary>
    public const long DefaultMaxBodyBytes = 1 << 20;

    /// <summary>The default of <see cref="Runs"/>, relative to the working folder (where <c>refsol run</c> writes).</summary>
    public const string DefaultRuns = "runs";

    /// <summary>
    /// The options in configuration (how <c>dotnet ReferenceSolutions.Serve.dll</c> and the tests' WebApplicationFactory
    /// pass them): <c>Serve:Models:0</c>, <c>Serve:Models:1</c>, …, <c>Serve:Runs</c>, <c>Serve:MaxBodyBytes</c>.
    /// </summary>
    public static ServeOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection serve = configuration.GetSection("Serve");
        string[] models = [.. serve.GetSection("Models").GetChildren().Select(c => c.Value).OfType<string>()];
        long limit = serve["MaxBodyBytes"] is string text ? long.Parse(text, CultureInfo.InvariantCulture) : DefaultMaxBodyBytes;
        return new ServeOptions(models, serve["Runs"] ?? DefaultRuns, limit);
    }
}
