using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Runs the <c>dotnet</c> CLI. Arguments go through <see cref="ProcessStartInfo.ArgumentList"/>, one
/// element each, never through one command-line string: a path is user text, and a project file
/// named <c>x.csproj" -bl:x.binlog</c> must stay one path instead of becoming extra switches.
/// </summary>
internal static class DotnetCli
{
    internal sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(IEnumerable<string> arguments, string workingDirectory, string file, string purpose)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "true";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception exception)
        {
            throw new InputException(file, $"dotnet could not be started to {purpose}: {exception.Message}");
        }

        using (process ?? throw new InputException(file, $"dotnet could not be started to {purpose}"))
        {
            var output = new StringBuilder();
            var error = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            return new Result(process.ExitCode, output.ToString(), error.ToString());
        }
    }
}
