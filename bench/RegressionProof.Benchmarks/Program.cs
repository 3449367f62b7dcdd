using System;
using RegressionProof.Benchmarks;

// Usage: dotnet run -c Release --project bench/RegressionProof.Benchmarks -- [generator|gate|all]
// Prints Markdown tables for docs/performance.md: every figure is a ratio of two measurements
// taken side by side in the same run, so the machine's speed cancels out.
var which = args.Length > 0 ? args[0] : "all";
if (which == "steps")
{
    GeneratorBenchmark.Steps();
    return 0;
}

if (which is not ("generator" or "gate" or "all"))
{
    Console.Error.WriteLine("usage: RegressionProof.Benchmarks [generator|gate|all]");
    return 2;
}

if (which is "generator" or "all")
{
    Console.WriteLine("### Generator");
    Console.WriteLine();
    Console.WriteLine(GeneratorBenchmark.Run());
}

if (which is "gate" or "all")
{
    Console.WriteLine("### Gate");
    Console.WriteLine();
    Console.WriteLine(GateBenchmark.Run());
}

return 0;
