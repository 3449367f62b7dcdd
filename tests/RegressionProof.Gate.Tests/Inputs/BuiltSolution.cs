using System;
using System.IO;
using RegressionProof.Gate.Inputs;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// A small solution built once for all discovery tests, whose projects put their assemblies where
/// reading the project file would not find them: a custom AssemblyName, two target frameworks, an
/// OutputPath from Directory.Build.props, UseArtifactsOutput; beside them a project that builds
/// no assembly and one the solution does not build.
/// </summary>
public sealed class BuiltSolution : IDisposable
{
    private readonly TempFolder _folder = new();

    public BuiltSolution()
    {
        Write("plain/Plain.csproj", Project("<TargetFramework>netstandard2.0</TargetFramework><AssemblyName>Shop.Pricing</AssemblyName>"));
        Write("multi/Multi.csproj", Project("<TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks><IsTestProject>true</IsTestProject>"));
        Write("custom/Directory.Build.props", "<Project><PropertyGroup><OutputPath>$(MSBuildThisFileDirectory)../out/custom/</OutputPath></PropertyGroup></Project>");
        Write("custom/Custom.csproj", Project("<TargetFramework>netstandard2.0</TargetFramework>"));
        Write("art/Directory.Build.props", "<Project><PropertyGroup><UseArtifactsOutput>true</UseArtifactsOutput><ArtifactsPath>$(MSBuildThisFileDirectory)../artifacts</ArtifactsPath></PropertyGroup></Project>");
        Write("art/Art.csproj", Project("<TargetFramework>netstandard2.0</TargetFramework>"));
        Write("docs/Docs.csproj", "<Project><Target Name=\"Build\" /></Project>");
        foreach (var project in new[] { "plain", "multi", "custom", "art" })
        {
            Write($"{project}/Code.cs", "namespace Shop { public class Code { } }");
        }

        Slnx = Write("Shop.slnx", """
            <Solution>
              <Project Path="plain/Plain.csproj" />
              <Project Path="multi/Multi.csproj" />
              <Project Path="custom/Custom.csproj" />
              <Project Path="art/Art.csproj" />
              <Project Path="docs/Docs.csproj" />
              <Project Path="fabric/App.sfproj" />
            </Solution>
            """);
        var build = DotnetCli.Run(["build", Slnx, "-c", "Release", "-nologo"], Folder, Slnx, "build the test solution");
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("the test solution did not build:\n" + build.Output + build.Error);
        }
    }

    public string Folder => _folder.Path;

    public string Slnx { get; }

    public string PathOf(string relative) => System.IO.Path.Combine(Folder, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose() => _folder.Dispose();

    internal static string Project(string properties) => $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>{properties}</PropertyGroup></Project>";

    private string Write(string relative, string text) => _folder.Write(relative, text);
}
