using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace RegressionProof.Gate.Inputs;

/// <summary>The commit checked out in a folder, for links to the source; null when git cannot say.</summary>
internal static class GitCommit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static string? Of(string folder)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.Exists(folder) ? folder : Path.GetDirectoryName(folder) ?? folder,
        };
        start.ArgumentList.Add("rev-parse");
        start.ArgumentList.Add("HEAD");
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (Exception exception) when (exception is Win32Exception or IOException or InvalidOperationException)
        {
            // No git, or no repository: the reports show file:line as text.
            return null;
        }
    }
}
