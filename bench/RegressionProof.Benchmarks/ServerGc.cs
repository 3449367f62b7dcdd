using System;
using System.Diagnostics;

namespace RegressionProof.Benchmarks;

/// <summary>Runs one mode of this harness again in a child process with the server garbage collector.</summary>
internal static class ServerGc
{
    public static int Rerun(string mode)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        var entry = typeof(ServerGc).Assembly.Location;
        if (!Environment.ProcessPath!.EndsWith(System.IO.Path.GetFileNameWithoutExtension(entry), StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(entry); // started through the dotnet host: pass the harness itself
        }

        start.ArgumentList.Add(mode);
        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }
}
