using System;
using System.Runtime;
using RegressionProof.Benchmarks;

// Usage: dotnet run -c Release --project bench/RegressionProof.Benchmarks -- [generator|generator-realistic|gate|gate-cards|results|ide|all|build]
// (generator: the attribute-dense project; generator-realistic: ordinary code with a link on 1 % of members)
// (build: a 20-project solution built with and without the package, about 15 minutes)
// (steps, steps-realistic: the generator's pipeline steps after an unrelated edit, with their times, for diagnosis)
// (typing-realistic: only the typing rows of generator-realistic, about a minute)
// (analyzers-corpus <Json.NET checkout> [runs]: the analyzers and the generator on real code, beside xunit.analyzers)
// Prints Markdown tables for docs/performance.md: every figure is a ratio of two measurements
// taken side by side in the same run, so the machine's speed cancels out.
var which = args.Length > 0 ? args[0] : "all";

// The gate ships with the server garbage collector (its project sets ServerGarbageCollection) and
// this harness runs it in-process, so its figures are taken in a child process with that collector.
if (which is "gate" or "gate-phases" or "gate-cards" or "results" && !GCSettings.IsServerGC)
{
    return ServerGc.Rerun(which);
}

if (which == "gate-phases")
{
    GateBenchmark.Phases();
    return 0;
}

if (which == "gate-cards")
{
    Console.WriteLine("### Gate: cards");
    Console.WriteLine();
    Console.WriteLine(GateCardsBenchmark.Run());
    return 0;
}

if (which == "results")
{
    Console.WriteLine("### Gate: test results");
    Console.WriteLine();
    Console.WriteLine(ResultsBenchmark.Run());
    return 0;
}

if (which == "tiny")
{
    GeneratorBenchmark.Tiny();
    return 0;
}

if (which == "steps")
{
    GeneratorBenchmark.Steps();
    return 0;
}

if (which == "analyzers-corpus")
{
    if (args.Length < 2 || args.Length > 3 || (args.Length == 3 && !int.TryParse(args[2], out _)))
    {
        Console.Error.WriteLine("usage: RegressionProof.Benchmarks analyzers-corpus <folder of a Newtonsoft.Json checkout> [runs, default 3]");
        return 2;
    }

    Console.WriteLine("### Analyzers on real code");
    Console.WriteLine();
    return RegressionProof.Benchmarks.Corpus.AnalyzersCorpusBenchmark.Run(args[1], args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
}

if (which == "typing-realistic")
{
    Console.WriteLine("### Generator: realistic project, typing");
    Console.WriteLine();
    Console.WriteLine(RealisticGeneratorBenchmark.Typing());
    return 0;
}

if (which == "steps-realistic")
{
    RealisticGeneratorBenchmark.Steps();
    return 0;
}

if (which == "build")
{
    Console.WriteLine("### Build overhead");
    Console.WriteLine();
    Console.WriteLine(BuildOverheadBenchmark.Run());
    return 0;
}

if (which is not ("generator" or "generator-realistic" or "gate" or "ide" or "all"))
{
    Console.Error.WriteLine("usage: RegressionProof.Benchmarks [generator|generator-realistic|gate|gate-cards|results|ide|all|build|steps|steps-realistic|typing-realistic|gate-phases|tiny|analyzers-corpus <folder> [runs]]");
    return 2;
}

if (which is "generator" or "all")
{
    Console.WriteLine("### Generator");
    Console.WriteLine();
    Console.WriteLine(GeneratorBenchmark.Run());
}

if (which is "generator-realistic" or "all")
{
    Console.WriteLine("### Generator: realistic project");
    Console.WriteLine();
    Console.WriteLine(RealisticGeneratorBenchmark.Run());
}

if (which is "ide" or "all")
{
    Console.WriteLine("### Analyzers in the IDE");
    Console.WriteLine();
    Console.WriteLine(IdeBenchmark.Run());
}

if (which is "gate" or "all")
{
    if (!GCSettings.IsServerGC)
    {
        return ServerGc.Rerun("gate");
    }

    Console.WriteLine("### Gate");
    Console.WriteLine();
    Console.WriteLine(GateBenchmark.Run());
}

return 0;
