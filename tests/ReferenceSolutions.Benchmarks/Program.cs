using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ReferenceSolutions.Benchmarks.SuiteConfig).Assembly).Run(args, new ReferenceSolutions.Benchmarks.SuiteConfig());
