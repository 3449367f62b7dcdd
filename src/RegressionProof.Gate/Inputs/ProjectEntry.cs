namespace RegressionProof.Gate.Inputs;

/// <summary>
/// A project in scope: its file, the configuration (and platform, when not the default) it is
/// built in, or why it is skipped (a project its solution does not build, or one that builds no assembly).
/// </summary>
internal sealed record ProjectEntry(string Path, string Configuration, string? Platform, string? SkipReason);

/// <summary>One assembly a project builds for one target framework, as MSBuild reports it.</summary>
internal sealed record ProjectOutput(string Project, string TargetFramework, string Assembly, bool IsTestProject);

/// <summary>
/// What discovery found: the assemblies to scan, the project each came from (with
/// <c>IsTestProject</c>, for checks that treat test projects differently), and the projects
/// skipped, each with its reason.
/// </summary>
internal sealed record DiscoveredAssemblies(
    System.Collections.Generic.IReadOnlyList<string> Files,
    System.Collections.Generic.IReadOnlyList<ProjectOutput> Outputs,
    System.Collections.Generic.IReadOnlyList<string> Skipped);
