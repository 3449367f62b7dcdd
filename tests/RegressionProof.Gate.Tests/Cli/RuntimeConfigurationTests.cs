using System;
using System.IO;
using System.Text.Json;
using Xunit;

namespace RegressionProof.Gate.Tests.Cli;

public sealed class RuntimeConfigurationTests
{
    [Fact]
    public void The_tool_runs_with_the_server_garbage_collector_which_keeps_large_repositories_linear()
    {
        // docs/performance.md, "Gate": with the workstation collector, 500 assemblies took 13.7
        // times as long as 50; the tool's runtimeconfig is what a user's run gets.
        var path = Path.Combine(AppContext.BaseDirectory, "verify-regression-safety.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var server = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.Server");

        Assert.True(server.GetBoolean());
    }
}
