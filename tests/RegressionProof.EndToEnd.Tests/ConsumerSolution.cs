using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// A throw-away solution in a temporary folder, built with the real <c>dotnet</c> CLI, that uses
/// the RegressionProof attributes and analyzers the way a user's projects do.
/// </summary>
internal sealed class ConsumerSolution : IDisposable
{
    private static readonly string AnalyzerAssembly = Path.Combine(AppContext.BaseDirectory, "RegressionProof.Analyzers.dll");
    private static readonly string AttributesAssembly = Path.Combine(AppContext.BaseDirectory, "RegressionProof.Attributes.dll");
    private static readonly string BuildFiles = Path.Combine(AppContext.BaseDirectory, "buildTransitive");

    public ConsumerSolution()
    {
        Root = Directory.CreateTempSubdirectory("regression-proof-e2e-").FullName;
        // Keep the consumer independent of this repository's build settings.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
    }

    public string Root { get; }

    /// <summary>Writes the solution's root <c>.editorconfig</c>, under <c>[*.cs]</c>.</summary>
    public void SetEditorConfig(params string[] lines)
    {
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n");
    }

    /// <summary>Writes a file relative to the solution's root folder.</summary>
    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Adds an SDK-style project that references the attributes and runs the analyzers.</summary>
    public void AddProject(string name, IEnumerable<string> packages, IEnumerable<string> projectReferences, IReadOnlyDictionary<string, string> sources, string extraProperties = "")
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        var project = new StringBuilder()
            .AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">")
            .AppendLine($"  <Import Project=\"{Path.Combine(BuildFiles, "RegressionProof.props")}\" />")
            .AppendLine("  <PropertyGroup>")
            .AppendLine("    <TargetFramework>net10.0</TargetFramework>")
            .AppendLine("    <Nullable>enable</Nullable>")
            .AppendLine("    <ImplicitUsings>enable</ImplicitUsings>")
            .AppendLine(extraProperties)
            .AppendLine("  </PropertyGroup>")
            .AppendLine("  <ItemGroup>")
            .AppendLine($"    <Reference Include=\"RegressionProof.Attributes\" HintPath=\"{AttributesAssembly}\" />")
            .AppendLine($"    <Analyzer Include=\"{AnalyzerAssembly}\" />");
        foreach (var package in packages)
        {
            var (id, version) = (package.Split('/')[0], package.Split('/')[1]);
            project.AppendLine($"    <PackageReference Include=\"{id}\" Version=\"{version}\" />");
        }

        foreach (var reference in projectReferences)
        {
            project.AppendLine($"    <ProjectReference Include=\"../{reference}/{reference}.csproj\" />");
        }

        project.AppendLine("  </ItemGroup>")
            .AppendLine($"  <Import Project=\"{Path.Combine(BuildFiles, "RegressionProof.targets")}\" />")
            .AppendLine("</Project>");
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), project.ToString());
        foreach (var (file, text) in sources)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }
    }

    /// <summary>Builds one project (and what it references) and returns the exit code and the build output.</summary>
    public (int ExitCode, string Output) Build(string project)
    {
        return Run("dotnet", $"build {project}/{project}.csproj -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false");
    }

    private (int ExitCode, string Output) Run(string fileName, string arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Keep the build hermetic: no shared compiler server state between consumer builds and the test host.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish in 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    /// <summary>The distinct diagnostics of one ID in a build's output, as "file(line,col): message" lines.</summary>
    public static IReadOnlyList<string> Diagnostics(string output, string id) =>
        output.Split('\n').Where(line => line.Contains($" {id}:", StringComparison.Ordinal)).Select(line => line.Trim()).Distinct().ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
