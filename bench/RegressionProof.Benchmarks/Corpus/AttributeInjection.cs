using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegressionProof.Benchmarks.Corpus;

/// <summary>
/// Writes RegressionProof attributes into real code, deterministically: walking the methods of
/// a project in file order, the first method at or past every <see cref="LinesPerAttribute"/>th
/// line gets one, or one per mark it is past. The library gets <c>[Fixes("INTAKE-n")]</c>; the tests get the proofs of those
/// cards, <c>[RegressionFor]</c> on a test method and <c>[SyntheticProbe]</c> on any other method.
/// Attributes go on the method's own line, so every line number stays what it was.
/// </summary>
internal static class AttributeInjection
{
    public const int LinesPerAttribute = 28;

    private static readonly HashSet<string> TestAttributeNames = new() { "Test", "Fact", "Theory", "TestCase", "InlineData" };

    public sealed record Result(CorpusProject Project, int Attributes, int Fixes, int RegressionFor, int SyntheticProbes);

    /// <summary>The library with <c>[Fixes]</c> on about one method per 28 lines, the cards numbered from 1.</summary>
    public static Result Fixes(CorpusProject library) =>
        Inject(library, (method, index) => ($"[global::RegressionProof.Fixes(\"{Card(index)}\")] ", Kind.Fixes));

    /// <summary>The tests with a proof of card 1, 2, … <paramref name="cards"/>, 1, 2, … on about one method per 28 lines.</summary>
    public static Result Proofs(CorpusProject tests, int cards) =>
        Inject(tests, (method, index) =>
        {
            var card = Card(index % cards);
            return IsTest(method)
                ? ($"[global::RegressionProof.RegressionFor(\"{card}\")] ", Kind.RegressionFor)
                : ($"[global::RegressionProof.SyntheticProbe(\"{card}\", Signal = global::RegressionProof.RecurrenceSignal.Error)] ", Kind.SyntheticProbe);
        });

    /// <summary>The release file of the injected cards: every card 1 … <paramref name="cards"/>.</summary>
    public static string ReleaseFile(int cards)
    {
        var json = new StringBuilder("{\n  \"version\": \"1.0.0\",\n  \"class\": \"minor\",\n  \"cards\": [\n");
        for (var i = 0; i < cards; i++)
        {
            json.Append("    { \"id\": \"").Append(Card(i)).Append("\", \"title\": \"injected\" }").Append(i + 1 < cards ? ",\n" : "\n");
        }

        return json.Append("  ]\n}\n").ToString();
    }

    private static string Card(int index) => "INTAKE-" + (index + 1);

    private enum Kind
    {
        Fixes,
        RegressionFor,
        SyntheticProbe,
    }

    private static bool IsTest(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(a => TestAttributeNames.Contains(LastName(a.Name)));

    private static string LastName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static Result Inject(CorpusProject project, System.Func<MethodDeclarationSyntax, int, (string Text, Kind Kind)> attributeFor)
    {
        var files = new List<(string Path, string Text)>();
        var counts = new Dictionary<Kind, int>();
        var index = 0;
        var linesBefore = 0;
        var next = LinesPerAttribute;
        foreach (var (path, text) in project.Files)
        {
            var tree = CSharpSyntaxTree.ParseText(text, project.ParseOptions, path);
            var inserts = new List<(int Position, string Text)>();
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var line = linesBefore + method.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                if (line < next)
                {
                    continue;
                }

                // A method past several marks (after a long method) takes one attribute per mark passed.
                var attributes = new StringBuilder();
                for (; next <= line; next += LinesPerAttribute)
                {
                    var (attribute, kind) = attributeFor(method, index++);
                    attributes.Append(attribute);
                    counts[kind] = counts.GetValueOrDefault(kind) + 1;
                }

                inserts.Add((method.SpanStart, attributes.ToString()));
            }

            var edited = new StringBuilder(text);
            foreach (var (position, attribute) in inserts.OrderByDescending(i => i.Position))
            {
                edited.Insert(position, attribute);
            }

            files.Add((path, edited.ToString()));
            linesBefore += CorpusProject.CountLines(text);
        }

        return new Result(
            project.With(files),
            index,
            counts.GetValueOrDefault(Kind.Fixes),
            counts.GetValueOrDefault(Kind.RegressionFor),
            counts.GetValueOrDefault(Kind.SyntheticProbe));
    }
}
