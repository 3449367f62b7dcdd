using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.CodeFixes;

/// <summary>
/// Adds a failing regression test stub for a card: in a test project that references the fix's
/// project (the first by name), else in the fix's own project when it has a test framework.
/// The stub fails until someone writes it, because an empty test would pass the gate falsely.
/// </summary>
internal static class RegressionTestStub
{
    public const string Folder = "RegressionTests";

    /// <summary>Where a stub for a fix in <paramref name="fixProject"/> would go, and in which framework; null when nowhere.</summary>
    public static async Task<(Project Project, TestFramework Framework)?> FindTargetAsync(Project fixProject, CancellationToken cancellationToken)
    {
        var targets = await FindTargetsAsync(fixProject, cancellationToken).ConfigureAwait(false);
        return targets.Count > 0 ? targets[0] : null;
    }

    /// <summary>
    /// Every place a stub for a fix in <paramref name="fixProject"/> could go, for a developer to
    /// choose: the test projects that reference it, by name; else the fix's own project when it
    /// has a test framework.
    /// </summary>
    public static async Task<IReadOnlyList<(Project Project, TestFramework Framework)>> FindTargetsAsync(Project fixProject, CancellationToken cancellationToken)
    {
        var targets = new List<(Project Project, TestFramework Framework)>();
        var referencing = fixProject.Solution.Projects
            .Where(p => p.Language == LanguageNames.CSharp && p.ProjectReferences.Any(r => r.ProjectId == fixProject.Id))
            .OrderBy(p => p.Name, System.StringComparer.Ordinal);
        foreach (var project in referencing)
        {
            if (await FrameworkOfAsync(project, cancellationToken).ConfigureAwait(false) is var framework && framework != TestFramework.None)
            {
                targets.Add((project, framework));
            }
        }

        if (targets.Count == 0 && await FrameworkOfAsync(fixProject, cancellationToken).ConfigureAwait(false) is var own && own != TestFramework.None)
        {
            targets.Add((fixProject, own));
        }

        return targets;
    }

    private static async Task<TestFramework> FrameworkOfAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return compilation is null ? TestFramework.None : TestFrameworkDetection.ReferencedFramework(compilation);
    }

    public static async Task<Solution> AddAsync(Project target, TestFramework framework, string card, string memberName, string? fixNamespace, CancellationToken cancellationToken)
    {
        var className = Identifier(card) + "RegressionTests";
        var fileName = className + ".cs";
        var methodName = Identifier(memberName) + "_does_not_regress";
        var existing = target.Documents.FirstOrDefault(d => d.Name == fileName && d.Folders.SequenceEqual(new[] { Folder }));
        if (existing is not null && await AddToExistingAsync(existing, className, methodName, card, framework, cancellationToken).ConfigureAwait(false) is { } updated)
        {
            return updated;
        }

        var ns = target.DefaultNamespace is { Length: > 0 } defaultNamespace
            ? defaultNamespace + "." + Folder
            : (fixNamespace is { Length: > 0 } ? fixNamespace + ".Tests" : Folder);
        var source = NewFile(target, ns, className, Method(framework, card, methodName, "    "), framework);
        return target.AddDocument(fileName, SourceText.From(source, Encoding.UTF8), new[] { Folder }).Project.Solution;
    }

    private static async Task<Solution?> AddToExistingAsync(Document document, string className, string methodName, string card, TestFramework framework, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var type = root?.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.ValueText == className);
        if (root is null || type is null)
        {
            return null;
        }

        var name = methodName;
        for (var i = 2; type.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == name); i++)
        {
            name = methodName + i.ToString(CultureInfo.InvariantCulture);
        }

        var member = (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(Method(framework, card, name, string.Empty))!
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(type, type.AddMembers(member))).Project.Solution;
    }

    private static string NewFile(Project target, string ns, string className, string method, TestFramework framework)
    {
        var metadataName = framework.TestAttributeMetadataName(hasParameters: false)!;
        var frameworkNamespace = metadataName.Substring(0, metadataName.LastIndexOf('.'));
        var fileScoped = target.ParseOptions is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp10 };
        var body = new StringBuilder()
            .Append(framework.TestClassAttributeToAdd is { } testClass ? "[" + testClass + "]\n" : string.Empty)
            .Append("public class ").Append(className).Append('\n')
            .Append("{\n")
            .Append(method)
            .Append("}\n")
            .ToString();
        var text = new StringBuilder()
            .Append("using ").Append(frameworkNamespace).Append(";\n")
            .Append("using RegressionProof;\n\n");
        if (fileScoped)
        {
            text.Append("namespace ").Append(ns).Append(";\n\n").Append(body);
        }
        else
        {
            text.Append("namespace ").Append(ns).Append("\n{\n")
                .Append(string.Join("\n", body.TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? line : "    " + line)))
                .Append("\n}\n");
        }

        return text.ToString();
    }

    private static string Method(TestFramework framework, string card, string methodName, string indent)
    {
        var metadataName = framework.TestAttributeMetadataName(hasParameters: false)!;
        var attribute = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        attribute = attribute.Substring(0, attribute.Length - "Attribute".Length);
        var literal = SymbolDisplay.FormatLiteral(card, quote: true);
        var message = SymbolDisplay.FormatLiteral($"Write the regression test for {card}: reproduce the failure mode the fix removed.", quote: true);
        return new StringBuilder()
            .Append(indent).Append('[').Append(attribute).Append("]\n")
            .Append(indent).Append("[RegressionFor(").Append(literal).Append(")]\n")
            .Append(indent).Append("public void ").Append(methodName).Append("()\n")
            .Append(indent).Append("{\n")
            .Append(indent).Append("    throw new System.InvalidOperationException(").Append(message).Append(");\n")
            .Append(indent).Append("}\n")
            .ToString();
    }

    /// <summary>A C# identifier made of the text's letters and digits, for class and method names.</summary>
    private static string Identifier(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
