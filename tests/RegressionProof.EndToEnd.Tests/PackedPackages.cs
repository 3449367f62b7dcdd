using System;
using System.IO;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// Packs the repository's packages once per test run into a local feed, under a version no other
/// run uses, so consumers restore exactly this build and never a cached earlier one.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public PackedPackages()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkFolder = Directory.CreateTempSubdirectory("regression-proof-packages-").FullName;
        Feed = Path.Combine(WorkFolder, "feed");
        var suffix = "e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Version = File.ReadAllText(Path.Combine(RepositoryRoot, "eng", "version.txt")).Trim() + "-" + suffix;

        // A private artifacts path: packing never touches the bin/obj folders the test run uses.
        var pack = DotnetCli.Run(
            RepositoryRoot,
            "dotnet",
            $"pack src/RegressionProof/RegressionProof.csproj -c Release -o \"{Feed}\" --artifacts-path \"{Path.Combine(WorkFolder, "build")}\" -p:VersionSuffix={suffix} -nologo",
            TimeSpan.FromMinutes(10));
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        }

        // The gate as users install it: the dotnet tool from the same feed, into a tool path of its own.
        var packGate = DotnetCli.Run(
            RepositoryRoot,
            "dotnet",
            $"pack src/RegressionProof.Gate/RegressionProof.Gate.csproj -c Release -o \"{Feed}\" --artifacts-path \"{Path.Combine(WorkFolder, "build")}\" -p:VersionSuffix={suffix} -nologo",
            TimeSpan.FromMinutes(10));
        if (packGate.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack of the gate failed:\n" + packGate.Output);
        }

        var tools = Path.Combine(WorkFolder, "tools");
        var install = DotnetCli.Run(
            WorkFolder,
            "dotnet",
            $"tool install RegressionProof.Gate --tool-path \"{tools}\" --add-source \"{Feed}\" --version {Version}",
            TimeSpan.FromMinutes(5));
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool install of the gate failed:\n" + install.Output);
        }

        GateTool = Path.Combine(tools, OperatingSystem.IsWindows() ? "verify-regression-safety.exe" : "verify-regression-safety");
    }

    /// <summary>The installed verify-regression-safety command.</summary>
    public string GateTool { get; }

    public string RepositoryRoot { get; }

    /// <summary>A folder holding the packed .nupkg files, used as a NuGet source.</summary>
    public string Feed { get; }

    /// <summary>The version of every package packed for this run.</summary>
    public string Version { get; }

    private string WorkFolder { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under the system's temp folder.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RegressionProof.Analyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with RegressionProof.Analyzers.sln) was not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages";
}
