using ReferenceSolutions.Cli;

return RefsolApp.Run(args, Console.Out, Console.Error);
