using System;
using System.Collections.Generic;
using System.Text;

namespace RegressionProof.Analyzers.Tests;

/// <summary>
/// Random C# sources for the robustness suites: random member shapes (generic, nested, partial,
/// local functions, lambdas, records, primary constructors, file-scoped types, operators, indexers,
/// events) with random RegressionProof attributes and argument forms, sometimes with syntax errors.
/// The same seed always gives the same sources.
/// </summary>
public static class RandomSources
{
    private static readonly string[] Attributes = ["Fixes", "RegressionFor", "MigrationTest", "SyntheticProbe", "RecurrenceAlert", "DashboardPanel", "ManualVerification"];

    private static readonly string[] IdForms = ["\"INTAKE-{0}\"", "\"\"", "null", "\"bad id\"", "{0}", "Ids.Card", "nameof(Ids)", "\"INTAKE-\" + \"{0}\"", "GetId()", "\"intake-{0}\""];

    private static readonly string[] NamedArguments =
    [
        "Signal = RecurrenceSignal.Error", "Signal = default", "Signal = (RecurrenceSignal)9", "Signal = \"Error\"",
        "Baseline = \"0\"", "Baseline = \"\"", "Threshold = \"> 1\"", "Threshold = null", "Panel = \"p\"",
        "Steps = \"click\"", "RecordedOn = \"2026-11-01\"", "RecordedOn = \"2026-13-01\"", "AutomateBy = \"2026-11-10\"", "AutomateBy = \"2027-12-31\"", "AutomateBy = 5",
        "Level = TestLevel.Integration", "Evidence = \"https://x\"", "Name = \"n\"", "Rule = \"r\"", "Unknown = 1",
    ];

    private static readonly string[] TestAttributes = ["", "[Xunit.Fact]", "[Xunit.Fact(Skip = \"s\")]", "[NUnit.Framework.Test]", "[NUnit.Framework.TestCase(1, Ignore = \"x\")]", "[NUnit.Framework.Ignore(\"x\")]", "[Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]", "[TUnit.Core.Test, TUnit.Core.Skip(\"s\")]"];

    public static IReadOnlyList<string> Generate(int seed)
    {
        var random = new Random(seed);
        var files = new List<string>();
        var fileCount = random.Next(1, 4);
        for (var f = 0; f < fileCount; f++)
        {
            var source = new StringBuilder();
            source.AppendLine("using RegressionProof;");
            source.AppendLine("static class Ids { public const string Card = \"INTAKE-1\"; }");
            if (random.Next(4) == 0)
            {
                source.AppendLine(Attr(random) + " System.Action top = () => { };"); // top-level-like noise, often invalid
            }

            var typeKind = Pick(random, ["class", "struct", "record", "record struct", "partial class", "file class", "static class", "abstract class", "interface"]);
            var generic = random.Next(3) == 0 ? "<T>" : string.Empty;
            var primary = typeKind.StartsWith("record", StringComparison.Ordinal) || random.Next(5) == 0 ? "(int Value)" : string.Empty;
            source.AppendLine($"{Attr(random)} public {typeKind} Type{seed}_{f}{generic}{primary}");
            source.AppendLine("{");
            var members = random.Next(1, 8);
            for (var m = 0; m < members; m++)
            {
                source.AppendLine("    " + Member(random, m));
            }

            if (random.Next(3) == 0)
            {
                source.AppendLine($"    {Attr(random)} public class Nested{generic} {{ {Member(random, 99)} }}");
            }

            source.AppendLine("}");
            var text = source.ToString();
            if (random.Next(4) == 0)
            {
                // A syntax error somewhere: a truncated file or a stray token.
                text = random.Next(2) == 0 ? text[..random.Next(text.Length)] : text.Insert(random.Next(text.Length), Pick(random, ["(", "]", "\"", "{", ",", "=", "[Fixes(", ";"]));
            }

            files.Add(text);
        }

        return files;
    }

    private static string Member(Random random, int index) => random.Next(10) switch
    {
        0 => $"{Attr(random)} public int Field{index};",
        1 => $"{Attr(random)} public int Property{index} {{ get; set; }}",
        2 => $"{Attr(random)} public event System.Action? Event{index};",
        3 => $"{Attr(random)} public int this[int i{index}] => i{index};",
        4 => $"{Attr(random)} public static int operator +(Type0_0 a, int b) => b;",
        5 => $"public void Outer{index}() {{ {Attr(random)} void Local() {{ }} Local(); System.Action a = {Attr(random)} () => {{ }}; }}",
        6 => $"{Attr(random)} public partial void Partial{index}();",
        _ => $"{Pick(random, TestAttributes)} {Attr(random)} public void Method{index}({(random.Next(3) == 0 ? "int value" : string.Empty)}) {{ }} static string GetId() => \"X-1\";",
    };

    private static string Attr(Random random)
    {
        if (random.Next(4) == 0)
        {
            return string.Empty;
        }

        var attributes = new List<string>();
        for (var i = 0; i < random.Next(1, 3); i++)
        {
            var name = Pick(random, Attributes);
            var arguments = new List<string>();
            if (random.Next(6) != 0)
            {
                arguments.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, IdForms), random.Next(1, 50)));
            }

            for (var n = 0; n < random.Next(0, 4); n++)
            {
                arguments.Add(Pick(random, NamedArguments));
            }

            var qualifier = random.Next(5) == 0 ? "global::RegressionProof." : string.Empty;
            attributes.Add($"{qualifier}{name}({string.Join(", ", arguments)})");
        }

        return "[" + string.Join(", ", attributes) + "]";
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
