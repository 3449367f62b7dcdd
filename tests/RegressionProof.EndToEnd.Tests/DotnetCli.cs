using System;
using System.Diagnostics;
using System.Text;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>Runs the real <c>dotnet</c> CLI (or another program) and captures everything it prints.</summary>
internal static class DotnetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, string fileName, string arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No build servers left behind by the consumer builds: each test cleans up after itself.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        // The gate adds CI output on GitHub Actions and Azure Pipelines, and checks a pull request's
        // labels; the tests check its output as it is everywhere else, never write to the real job
        // summary and never read the labels of the pull request whose CI runs them.
        foreach (var variable in (string[])["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "TF_BUILD", "GITHUB_EVENT_NAME"])
        {
            start.Environment.Remove(variable);
        }
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish in {limit}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
