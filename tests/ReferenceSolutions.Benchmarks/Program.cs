using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "survey")
{
    return ReferenceSolutions.Benchmarks.Surveys.ToleranceSurveys.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "scaling")
{
    ReferenceSolutions.Benchmarks.ScalingPlots.Run(args.Length > 1 ? args[1] : "docs/images");
    return 0;
}
if (args.Length == 3 && args[0] == "recommender-scaling")
{
    ReferenceSolutions.Benchmarks.RecommenderScalingPlot.Run(args[1], args[2]);
    return 0;
}
if (args.Length > 0 && args[0] == "widths")
{
    ReferenceSolutions.Benchmarks.VectorWidthRatios.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return 0;
}
if (args.Length > 0 && args[0] == "coverage")
{
    ReferenceSolutions.Benchmarks.CoveragePlots.Run(args.Length > 1 ? args[1] : "docs/images/fraud");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ReferenceSolutions.Benchmarks.SuiteConfig).Assembly).Run(args, new ReferenceSolutions.Benchmarks.SuiteConfig());
return 0;
