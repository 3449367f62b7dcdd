using System;
using RegressionProof.Gate.Cli;

namespace RegressionProof.Gate;

internal static class Program
{
    private static int Main(string[] args)
    {
        var interactive = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        return GateCommand.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory, interactive, new Outputs.CiEnvironment(Environment.GetEnvironmentVariable), Environment.GetEnvironmentVariable);
    }
}
