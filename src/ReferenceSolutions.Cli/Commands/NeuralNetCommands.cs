using System.CommandLine;
using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.Cli.Commands;

/// <summary><c>refsol run neuralnet</c> and <c>refsol verify gradients</c>.</summary>
internal static class NeuralNetCommands
{
    public static SolutionCommands Create(CliIo io)
    {
        var solution = new NeuralNetSolution();
        return new SolutionCommands(solution, CreateRun(io, solution), [CreateVerify(io)], []);
    }

    private static Command CreateRun(CliIo io, NeuralNetSolution solution)
    {
        var defaults = new NeuralNetOptions();
        var train = new Option<string?>("--train") { Description = "Training CSV (no header; features, then the class index 0..C-1 last). Needs --test." };
        var test = new Option<string?>("--test") { Description = "Test CSV in the same layout. Needs --train." };
        var hidden = new Option<string>("--hidden")
        {
            Description = "Hidden layer widths, comma-separated.",
            DefaultValueFactory = _ => string.Join(",", NeuralNetOptions.DefaultHidden),
        };
        var activation = new Option<string>("--activation")
        {
            Description = $"Hidden activation: {string.Join(", ", Activations.Names)}.",
            DefaultValueFactory = _ => Activations.Name(defaults.Activation),
        };
        var optimizer = new Option<string>("--optimizer")
        {
            Description = $"Optimizer: {string.Join(", ", OptimizerSettings.Names)} (weight decay 5e-4 coupled; adamw 1e-2 decoupled).",
            DefaultValueFactory = _ => OptimizerSettings.Names[(int)defaults.Optimizer],
        };
        var lr = new Option<double?>("--lr") { Description = "Initial learning rate (cosine-annealed); default 1e-3 for adam/adamw, 0.05 momentum, 0.1 sgd." };
        var epochs = new Option<int>("--epochs")
        {
            Description = "Epochs. Not given: chosen on the validation rows by early stopping, up to this many. Given: exactly this many, last weights reported.",
            DefaultValueFactory = _ => NeuralNetOptions.DefaultEpochs,
        };
        var batch = new Option<int>("--batch") { Description = "Mini-batch size.", DefaultValueFactory = _ => defaults.BatchSize };
        var resync = new Option<string>("--resync")
        {
            Description = "epoch: the TorchSharp twin restarts every epoch from the from-scratch twin's parameters and optimizer state; never: it trains on its own (the two trajectories then separate exponentially, see docs/neural-net.md).",
            DefaultValueFactory = _ => "epoch",
        };
        return RunCommands.ForSolution(io, solution.Name, solution.Summary, [train, test, hidden, activation, optimizer, lr, epochs, batch, resync], (parse, context) =>
        {
            var options = new NeuralNetOptions(
                parse.GetValue(train),
                parse.GetValue(test),
                ParseHidden(parse.GetValue(hidden)),
                Activations.Parse(parse.GetValue(activation), "--activation"),
                OptimizerSettings.ParseKind(parse.GetValue(optimizer)),
                parse.GetValue(lr),
                parse.GetResult(epochs) is { Implicit: false } ? parse.GetValue(epochs) : null,
                parse.GetValue(batch),
                ParseResync(parse.GetValue(resync)));
            return solution.Run(context, options);
        });
    }

    private static Command CreateVerify(CliIo io)
    {
        var model = new Option<string>("--model") { Description = "Model JSON: {\"layers\": [{\"weight\", \"bias\", \"activation\"}, ...], \"loss\": \"softmax-cross-entropy\"}.", Required = true };
        var input = new Option<string>("--input") { Description = "Batch CSV (no header; features, then the class index last).", Required = true };
        var coordinates = new Option<int>("--fd-coordinates")
        {
            Description = "Weights and biases sampled for the finite-difference check (each costs two forward passes over the batch); all of them when the model has fewer.",
            DefaultValueFactory = _ => GradientVerification.DefaultCoordinates,
        };
        Option<ulong> seed = CommonOptions.Seed();
        return VerifyCommands.ForCheck(io, GradientVerification.Check,
            "Loss and per-layer gradients of a model on a batch: hand backward pass vs TorchSharp autograd, and vs central finite differences at sampled coordinates.",
            [model, input, coordinates, seed],
            parse =>
            {
                int k = parse.GetValue(coordinates);
                if (k < 1)
                {
                    throw new UserInputException($"--fd-coordinates: must be a whole number ≥ 1, got {k}");
                }
                return GradientVerification.Run(parse.GetValue(model)!, parse.GetValue(input)!, k, parse.GetValue(seed));
            });
    }

    private static bool ParseResync(string? text) => text switch
    {
        "epoch" => true,
        "never" => false,
        _ => throw new UserInputException($"--resync: '{Echo.Value(text)}' is neither 'epoch' nor 'never'"),
    };

    private static int[] ParseHidden(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UserInputException("--hidden: expected comma-separated widths such as 64,32");
        }
        return text.Split(',').Select(part => int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int width)
            ? width
            : throw new UserInputException($"--hidden: '{Echo.Value(part)}' is not a whole number (expected comma-separated widths such as 64,32)")).ToArray();
    }
}
