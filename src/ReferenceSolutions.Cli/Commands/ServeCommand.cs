using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Serve;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol serve --model DIR... [--urls URLS] [--runs DIR]</c>: loads the saved models once (<see cref="ServedModels"/>;
/// a model that does not load is exit 2 before anything listens), starts the API of <see cref="ServeApp"/> on Kestrel,
/// prints one line when it listens, and stops on Ctrl-C (SIGINT) or SIGTERM with exit 0 once in-flight requests end.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Loopback only by default: the API has no authentication.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliIo io)
    {
        var model = new Option<string[]>("--model")
        {
            Description = "A run folder, a models/ folder, one model's folder, or a folder of run folders (run all); repeat for several runs (one per solution).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var urls = new Option<string>("--urls") { Description = "Where Kestrel listens, ';'-separated (port 0: any free port).", DefaultValueFactory = _ => DefaultUrls };
        var runs = new Option<string>("--runs") { Description = "The folder whose run folders /runs/ lists and serves read-only.", DefaultValueFactory = _ => ServeOptions.DefaultRuns };
        var serve = new Command("serve", "Serve the saved models over HTTP: POST /v1/fraud/score, GET /v1/recommendations/{userId}, POST /v1/digits/classify, GET /health, /openapi/v1.json, / and /runs/.")
        {
            model, urls, runs,
        };
        serve.SetAction(parse =>
        {
            string[] addresses = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (addresses.Length == 0)
            {
                throw new UserInputException("--urls: names no address (e.g. http://127.0.0.1:5080)");
            }
            WebApplication app = ServeApp.Create(["--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"], new ServeOptions(parse.GetValue(model)!, parse.GetValue(runs)!));
            app.Urls.Clear();
            foreach (string address in addresses)
            {
                app.Urls.Add(address);
            }
            app.Start();
            double seconds = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
            ServedModels models = app.Services.GetService(typeof(ServedModels)) as ServedModels ?? throw new InvalidOperationException("no models registered");
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"refsol serve: listening on {string.Join(", ", app.Urls)} ({models.All.Count(m => m.Endpoint is not null)} of {models.All.Count} models served; {seconds:F1} s after start); Ctrl-C stops"));
            io.Out.Flush();
            app.WaitForShutdown();
            return ExitCodes.Success;
        });
        return serve;
    }
}
