using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace RegressionProof.Benchmarks;

/// <summary>
/// What the package costs a real build: a synthetic solution of 20 projects and 2,000 files built
/// with <c>dotnet build --no-incremental</c> with and without the RegressionProof package,
/// alternating A/B, plus one build with <c>-p:ReportAnalyzer=true</c> for the analyzers' and the
/// generator's share of the compiler's time.
/// </summary>
internal static class BuildOverheadBenchmark
{
    private const int ProductionProjects = 12;
    private const int TestProjects = 8;
    private const int FilesPerProject = 100;

    public static string Run(int alternations = 5)
    {
        var repository = FindRepositoryRoot();
        var root = Directory.CreateTempSubdirectory("regression-proof-build-bench-").FullName;
        try
        {
            var feed = Path.Combine(root, "feed");
            var suffix = "bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var version = File.ReadAllText(Path.Combine(repository, "eng", "version.txt")).Trim() + "-" + suffix;
            Run(repository, $"pack src/RegressionProof/RegressionProof.csproj -c Release -o \"{feed}\" --artifacts-path \"{Path.Combine(root, "build")}\" -p:VersionSuffix={suffix}");

            var solution = Path.Combine(root, "solution");
            Generate(solution, feed, version);

            var with = new List<double>();
            var without = new List<double>();
            for (var i = 0; i < alternations; i++)
            {
                with.Add(Build(solution, useRegressionProof: true));
                without.Add(Build(solution, useRegressionProof: false));
            }

            with.Sort();
            without.Sort();
            var withMedian = with[with.Count / 2];
            var withoutMedian = without[without.Count / 2];
            // The compiler server (VBCSCompiler) is the SDK's default and keeps analyzers loaded and
            // compiled between projects; without it (UseSharedCompilation=false, common on CI and set
            // by this machine's environment) every project starts a fresh compiler process.
            var fresh = ReportAnalyzer(solution, sharedCompilation: false);
            var server = ReportAnalyzer(solution, sharedCompilation: true);

            return new StringBuilder()
                .AppendLine($"A solution of {ProductionProjects + TestProjects} projects and {(ProductionProjects + TestProjects) * FilesPerProject:N0} files ({ProductionProjects} libraries with fixes, test projects in xunit, NUnit and MSTest with proofs of every kind, most files ordinary code). {alternations} alternating builds each. Machine: {Measure.Machine()}.")
                .AppendLine()
                .AppendLine("| figure | median | ratio | target |")
                .AppendLine("|---|---|---|---|")
                .AppendLine($"| `dotnet build --no-incremental` with the package ÷ without | {withMedian:F1} s ÷ {withoutMedian:F1} s | {withMedian / withoutMedian:F3} | ≤ 1.03 |")
                .AppendLine(ShareRow("compiler server (SDK default)", server))
                .AppendLine(ShareRow("a fresh compiler process per project (`UseSharedCompilation=false`)", fresh))
                .ToString();
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // build servers may hold a file a moment longer; the temp folder is the OS's to clean
            }
        }
    }

    private static double Build(string solution, bool useRegressionProof)
    {
        var property = $"-p:UseRegressionProof={(useRegressionProof ? "true" : "false")}";
        Run(solution, $"restore Bench.sln {property}");
        var watch = Stopwatch.StartNew();
        // Worst case for an analyzer package: each project starts a fresh compiler process.
        Run(solution, $"build Bench.sln --no-restore --no-incremental -c Release -p:UseSharedCompilation=false {property}");
        return watch.Elapsed.TotalSeconds;
    }

    private static string ShareRow(string mode, (double Analyzers, double Generator, double Compiler) share) =>
        $"| RegressionProof analyzers + generator ÷ compiler (Csc) time, one `-p:ReportAnalyzer=true` build, {mode} | ({share.Analyzers:F2} + {share.Generator:F2}) s ÷ {share.Compiler:F1} s | {(share.Analyzers + share.Generator) / share.Compiler:F3} | ≤ 0.02 |";

    /// <summary>The RegressionProof analyzers' and generator's seconds, and the compiler's, from one reporting build.</summary>
    private static (double Analyzers, double Generator, double Compiler) ReportAnalyzer(string solution, bool sharedCompilation)
    {
        Run(solution, "restore Bench.sln -p:UseRegressionProof=true");
        // A server left over from earlier builds would hold our analyzers compiled already.
        Run(solution, "build-server shutdown");
        var output = Run(solution, $"build Bench.sln --no-restore --no-incremental -c Release -p:UseRegressionProof=true -p:ReportAnalyzer=true -p:UseSharedCompilation={(sharedCompilation ? "true" : "false")} -v:d -clp:PerformanceSummary -m:1");
        Run(solution, "build-server shutdown");
        double analyzers = 0, generator = 0;
        foreach (Match match in Regex.Matches(output, @"^\s*(?<seconds>[0-9.]+)\s+<?[0-9]+%?\s+RegressionProof\.Analyzers, Version", RegexOptions.Multiline))
        {
            analyzers += double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
        }

        // Generators are listed in their own table, after "Total generator execution time".
        foreach (Match match in Regex.Matches(output, @"Total generator execution time:.*?(?=Total analyzer execution time|\z)", RegexOptions.Singleline))
        {
            foreach (Match line in Regex.Matches(match.Value, @"^\s*(?<seconds>[0-9.]+)\s+<?[0-9]+%?\s+RegressionProof\.Analyzers, Version", RegexOptions.Multiline))
            {
                generator += double.Parse(line.Groups["seconds"].Value, CultureInfo.InvariantCulture);
            }
        }

        analyzers -= generator; // the generator's row also matched the analyzer pattern above
        var csc = Regex.Match(output, @"^\s*(?<ms>[0-9]+) ms\s+Csc\s+[0-9]+ calls", RegexOptions.Multiline);
        var compiler = csc.Success ? double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000 : double.NaN;
        return (analyzers, generator, compiler);
    }

    private static void Generate(string solution, string feed, string version)
    {
        Directory.CreateDirectory(solution);
        File.WriteAllText(Path.Combine(solution, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="bench" value="{feed}" /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(solution, "Directory.Packages.props"), "<Project />");
        // Without the package the same code compiles against plain attributes of the same names.
        File.WriteAllText(Path.Combine(solution, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <UseRegressionProof Condition="'$(UseRegressionProof)' == ''">true</UseRegressionProof>
                <NoWarn>$(NoWarn);RP0007</NoWarn>
              </PropertyGroup>
              <ItemGroup Condition="'$(UseRegressionProof)' == 'true'">
                <PackageReference Include="RegressionProof" Version="{version}" />
              </ItemGroup>
              <ItemGroup Condition="'$(UseRegressionProof)' != 'true'">
                <Compile Include="$(MSBuildThisFileDirectory)Shim.cs" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(solution, "Shim.cs"), """
            namespace RegressionProof
            {
                public enum TestLevel { Unit, Integration, EndToEnd }
                public enum RecurrenceSignal { Latency = 1, Error, Cost, PolicyDenial }
                public abstract class IntakeLinkAttribute : System.Attribute { protected IntakeLinkAttribute(string id) { } public string? Evidence { get; set; } }
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] public sealed class FixesAttribute(string id) : IntakeLinkAttribute(id);
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] public sealed class RegressionForAttribute(string id) : IntakeLinkAttribute(id) { public TestLevel Level { get; set; } }
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] public sealed class MigrationTestAttribute(string id) : IntakeLinkAttribute(id);
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] public sealed class SyntheticProbeAttribute(string id) : IntakeLinkAttribute(id) { public RecurrenceSignal Signal { get; set; } public string? Name { get; set; } }
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] public sealed class RecurrenceAlertAttribute(string id) : IntakeLinkAttribute(id) { public RecurrenceSignal Signal { get; set; } public string? Rule { get; set; } }
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] public sealed class DashboardPanelAttribute(string id) : IntakeLinkAttribute(id) { public string? Baseline { get; set; } public string? Threshold { get; set; } public string? Panel { get; set; } }
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] public sealed class ManualVerificationAttribute(string id) : IntakeLinkAttribute(id) { public string? Steps { get; set; } public string? RecordedOn { get; set; } public string? AutomateBy { get; set; } }
            }
            """);

        var projects = new List<string>();
        for (var p = 0; p < ProductionProjects; p++)
        {
            var name = $"Service{p}";
            projects.Add(name);
            WriteProject(solution, name, [], []);
            for (var f = 0; f < FilesPerProject; f++)
            {
                WriteFile(solution, name, $"Type{f}.cs", ProductionFile(p, f));
            }
        }

        string[][] frameworks =
        [
            ["xunit/2.9.3", "Microsoft.NET.Test.Sdk/18.11.0", "xunit.runner.visualstudio/3.1.5"],
            ["NUnit/4.4.0", "Microsoft.NET.Test.Sdk/18.11.0", "NUnit3TestAdapter/5.2.0"],
            ["MSTest.TestFramework/4.5.3", "MSTest.TestAdapter/4.5.3", "Microsoft.NET.Test.Sdk/18.11.0"],
        ];
        for (var t = 0; t < TestProjects; t++)
        {
            var name = $"Service{t % ProductionProjects}.Tests{t}";
            projects.Add(name);
            var framework = t % 3;
            WriteProject(solution, name, frameworks[framework], [$"Service{t % ProductionProjects}"]);
            for (var f = 0; f < FilesPerProject; f++)
            {
                WriteFile(solution, name, $"Tests{f}.cs", TestFile(t % ProductionProjects, t, f, framework));
            }
        }

        Run(solution, "new sln --format sln -n Bench");
        Run(solution, "sln Bench.sln add " + string.Join(" ", projects.Select(p => $"{p}/{p}.csproj")));
    }

    private static string ProductionFile(int project, int file)
    {
        var source = new StringBuilder($"using RegressionProof;\nnamespace Service{project};\n\npublic class Type{file}\n{{\n");
        for (var m = 0; m < 12; m++)
        {
            if (file % 5 == 0 && m == 0)
            {
                source.AppendLine($"    [Fixes(\"INTAKE-{project * 1000 + file}\")]");
            }

            source.AppendLine($"    public int Method{m}(int value) {{ var total = 0; for (var i = 0; i < value; i++) {{ total += i * {m} % 7; }} return total; }}");
        }

        if (file % 10 == 5)
        {
            source.AppendLine($"    [SyntheticProbe(\"INTAKE-{project * 1000 + file - 5}\", Signal = RecurrenceSignal.Error)] public static readonly string Probe = \"GET /health\";");
            source.AppendLine($"    [DashboardPanel(\"INTAKE-{project * 1000 + file - 5}\", Baseline = \"0\", Threshold = \"> 0\")] public static readonly string Panel = \"errors\";");
        }

        return source.AppendLine("}").ToString();
    }

    private static string TestFile(int project, int testProject, int file, int framework)
    {
        var (ns, attribute) = framework switch
        {
            0 => ("Xunit", "Fact"),
            1 => ("NUnit.Framework", "Test"),
            _ => ("Microsoft.VisualStudio.TestTools.UnitTesting", "TestMethod"),
        };
        var source = new StringBuilder($"using RegressionProof;\nusing {ns};\nnamespace Service{project}.Tests{testProject};\n\npublic class Tests{file}\n{{\n");
        for (var m = 0; m < 8; m++)
        {
            var proof = file % 5 == 0 && m == 0 ? $"[RegressionFor(\"INTAKE-{project * 1000 + file}\", Level = TestLevel.Integration)] " : string.Empty;
            source.AppendLine($"    [{attribute}] {proof}public void Test{m}() {{ var value = new Service{project}.Type{file}().Method{m}({m}); if (value < 0) throw new System.Exception(); }}");
        }

        if (file % 20 == 10)
        {
            source.AppendLine($"    [ManualVerification(\"INTAKE-{project * 1000 + file - 10}\", Steps = \"s\", RecordedOn = \"2026-11-01\", AutomateBy = \"2026-11-10\")] public void Checked() {{ }}");
        }

        return source.AppendLine("}").ToString();
    }

    private static void WriteProject(string solution, string name, string[] packages, string[] references)
    {
        var project = new StringBuilder("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n");
        foreach (var package in packages)
        {
            project.AppendLine($"    <PackageReference Include=\"{package.Split('/')[0]}\" Version=\"{package.Split('/')[1]}\" />");
        }

        foreach (var reference in references)
        {
            project.AppendLine($"    <ProjectReference Include=\"../{reference}/{reference}.csproj\" />");
        }

        project.AppendLine("  </ItemGroup>\n</Project>");
        WriteFile(solution, name, name + ".csproj", project.ToString());
    }

    private static void WriteFile(string solution, string project, string file, string text)
    {
        var folder = Path.Combine(solution, project);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, file), text);
    }

    private static string Run(string workingDirectory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed in {workingDirectory}:\n{output}");
        }

        lock (output)
        {
            return output.ToString();
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

        throw new InvalidOperationException("run the harness from the repository (RegressionProof.Analyzers.sln not found above it)");
    }
}
