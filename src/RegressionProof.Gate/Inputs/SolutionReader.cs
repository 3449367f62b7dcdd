using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using Microsoft.VisualStudio.SolutionPersistence.Model;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads a .sln or .slnx with the solution parser Visual Studio and the dotnet CLI share
/// (Microsoft.VisualStudio.SolutionPersistence), so the gate sees the projects, and the
/// configuration each is built in, that <c>dotnet build</c> of the solution sees.
/// </summary>
internal static class SolutionReader
{
    public static IReadOnlyList<ProjectEntry> Read(string solution, string configuration)
    {
        if (new FileInfo(solution).Length > TextFile.MaxBytes)
        {
            throw new InputException(solution, $"the solution is larger than {TextFile.MaxBytes / (1024 * 1024)} MB; it is not read");
        }

        SolutionModel model;
        try
        {
            var serializer = SolutionSerializers.GetSerializerByMoniker(solution)
                ?? throw new InputException(solution, "is not a solution the gate can read (.sln or .slnx)");
            model = serializer.OpenAsync(solution, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (SolutionException exception)
        {
            throw new InputException(solution, "the solution cannot be read: " + exception.Message, exception.Line, exception.Column);
        }
        catch (XmlException exception)
        {
            throw new InputException(solution, "the solution is not valid XML: " + exception.Message, exception.LineNumber, exception.LinePosition);
        }

        var folder = Path.GetDirectoryName(solution)!;
        var platform = SolutionPlatform(model);
        return model.SolutionProjects
            .Select(project => Entry(project, Path.GetFullPath(Path.Combine(folder, project.FilePath)), configuration, platform))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static ProjectEntry Entry(SolutionProjectModel project, string path, string configuration, string platform)
    {
        var (buildType, projectPlatform, build, _) = project.GetProjectConfiguration(configuration, platform);
        if (!build)
        {
            return new ProjectEntry(path, configuration, null, $"the solution does not build it in its {configuration}|{platform} configuration");
        }

        // A solution may map its configuration to another one of the project (Release -> Ship) and
        // to a platform; "Any CPU" is every project's default, so it is left to the project.
        var mappedPlatform = projectPlatform is null || projectPlatform.Replace(" ", string.Empty, StringComparison.Ordinal) == "AnyCPU" ? null : projectPlatform;
        return new ProjectEntry(path, buildType ?? configuration, mappedPlatform, null);
    }

    // dotnet build picks "Any CPU" when the solution has it, else its first platform.
    private static string SolutionPlatform(SolutionModel model) =>
        model.Platforms.FirstOrDefault(p => p == "Any CPU") ?? model.Platforms.FirstOrDefault() ?? "Any CPU";
}
