using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Asks MSBuild, in one <c>dotnet msbuild</c> run for all projects, where each project puts its
/// assembly for every target framework (<c>TargetPath</c>) and whether it is a test project
/// (<c>IsTestProject</c>). MSBuild's answer follows everything a build follows —
/// <c>OutputPath</c>, <c>UseArtifactsOutput</c>, <c>Directory.Build.props</c>, <c>AssemblyName</c>,
/// <c>TargetFrameworks</c> — where reading the project file would guess.
/// </summary>
internal static class ProjectEvaluation
{
    /// <summary>The item the generated project returns and the CLI prints as JSON (<c>-getItem</c>).</summary>
    private const string OutputItem = "RegressionProofOutput";

    // Imported after Microsoft.Common.targets (and its multi-targeting twin) of every project through
    // the CustomAfter… hooks, passed as global properties to these evaluations only: the target reads
    // the properties a build would use. A multi-targeting project asks itself once per framework.
    private const string DescribeTargets = """
        <Project>
          <Target Name="RegressionProofDescribe" Returns="@(_RegressionProofOutput)">
            <ItemGroup Condition="'$(IsCrossTargetingBuild)' == 'true'">
              <_RegressionProofFramework Include="$(TargetFrameworks)" />
            </ItemGroup>
            <MSBuild Condition="'$(IsCrossTargetingBuild)' == 'true'" Projects="$(MSBuildProjectFullPath)" Targets="RegressionProofDescribe" Properties="TargetFramework=%(_RegressionProofFramework.Identity)">
              <Output TaskParameter="TargetOutputs" ItemName="_RegressionProofOutput" />
            </MSBuild>
            <ItemGroup Condition="'$(IsCrossTargetingBuild)' != 'true'">
              <_RegressionProofOutput Include="$(MSBuildProjectFullPath)" TargetPath="$(TargetPath)" TargetFramework="$(TargetFramework)" IsTestProject="$(IsTestProject)" />
            </ItemGroup>
          </Target>
        </Project>
        """;

    /// <summary>What MSBuild says about one project; an empty list when it builds no assembly.</summary>
    internal sealed record Evaluated(string Project, string Configuration, IReadOnlyList<ProjectOutput> Outputs);

    public static IReadOnlyList<Evaluated> Evaluate(IReadOnlyList<ProjectEntry> projects, string workingDirectory, string target)
    {
        if (projects.Count == 0)
        {
            return [];
        }

        var folder = Directory.CreateTempSubdirectory("regression-proof-discovery-").FullName;
        try
        {
            var targets = Path.Combine(folder, "describe.targets");
            File.WriteAllText(targets, DescribeTargets);
            var entry = Path.Combine(folder, "describe.proj");
            EntryProject(projects, targets).Save(entry);

            // -noAutoResponse: a Directory.Build.rsp above the temporary folder is not the user's.
            // -m:1: evaluating every project in this one process costs less than starting worker
            // nodes (docs/gate.md, "What is scanned", has the figures).
            var result = DotnetCli.Run(["msbuild", entry, "-nologo", "-noAutoResponse", "-m:1", "-t:Describe", "-getItem:" + OutputItem], workingDirectory, target, "ask MSBuild for the projects' outputs");
            if (result.ExitCode != 0)
            {
                throw new InputException(target, "MSBuild could not evaluate the projects (dotnet msbuild exited with " + result.ExitCode + "): " + Errors(result));
            }

            return Parse(result.Output, projects, target);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static XDocument EntryProject(IReadOnlyList<ProjectEntry> projects, string targets)
    {
        var hooks = $"CustomAfterMicrosoftCommonTargets={Escape(targets)};CustomAfterMicrosoftCommonCrossTargetingTargets={Escape(targets)}";
        var items = projects.Select(p => new XElement(
            "RegressionProofProject",
            new XAttribute("Include", Escape(p.Path)),
            new XElement("AdditionalProperties", $"Configuration={Escape(p.Configuration)}" + (p.Platform is null ? string.Empty : $";Platform={Escape(p.Platform)}"))));
        return new XDocument(new XElement(
            "Project",
            new XElement("ItemGroup", items),
            new XElement(
                "Target",
                new XAttribute("Name", "Describe"),
                new XElement(
                    "MSBuild",
                    new XAttribute("Projects", "@(RegressionProofProject)"),
                    new XAttribute("Targets", "RegressionProofDescribe"),
                    new XAttribute("Properties", hooks),
                    new XAttribute("BuildInParallel", "true"),
                    // A project that does not import the common targets has no TargetPath: it builds no assembly.
                    new XAttribute("SkipNonexistentTargets", "true"),
                    new XElement("Output", new XAttribute("TaskParameter", "TargetOutputs"), new XAttribute("ItemName", OutputItem))))));
    }

    private static IReadOnlyList<Evaluated> Parse(string json, IReadOnlyList<ProjectEntry> projects, string target)
    {
        var outputs = new Dictionary<string, List<ProjectOutput>>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            outputs[project.Path] = [];
        }

        try
        {
            // The JSON is the output's first line that opens an object; anything before it is not part of it.
            var start = json.StartsWith('{') ? 0 : json.IndexOf("\n{", StringComparison.Ordinal) + 1;
            using var document = JsonDocument.Parse(json[start..]);
            foreach (var item in document.RootElement.GetProperty("Items").GetProperty(OutputItem).EnumerateArray())
            {
                var project = Path.GetFullPath(Metadata(item, "Identity"));
                var targetPath = Metadata(item, "TargetPath");
                if (targetPath.Length == 0 || !outputs.TryGetValue(project, out var list))
                {
                    continue;
                }

                list.Add(new ProjectOutput(project, Metadata(item, "TargetFramework"), Path.GetFullPath(targetPath), string.Equals(Metadata(item, "IsTestProject"), "true", StringComparison.OrdinalIgnoreCase)));
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException(target, "MSBuild's answer about the projects' outputs could not be read: " + exception.Message);
        }

        return projects.Select(p => new Evaluated(p.Path, p.Configuration, outputs[p.Path].DistinctBy(o => o.Assembly, StringComparer.Ordinal).ToList())).ToList();
    }

    private static string Metadata(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    // MSBuild gives % $ @ ' ; ? * meaning in item specs and property values; a path is data.
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is '%' or '$' or '@' or '\'' or ';' or '?' or '*' ? $"%{(int)c:X2}" : c.ToString());
        }

        return builder.ToString();
    }

    private static string Errors(DotnetCli.Result result)
    {
        var lines = (result.Error + "\n" + result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Take(10).ToList();
        return string.Join(" | ", errors.Count > 0 ? errors : lines.Take(10));
    }
}
