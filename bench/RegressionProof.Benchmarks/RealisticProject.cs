using System.Collections.Generic;
using System.Text;

namespace RegressionProof.Benchmarks;

/// <summary>
/// A generated project that looks like ordinary application code: per file an interface, a record,
/// an enum and a class with fields, a constructor, properties and methods of a few to fifteen
/// lines (loops, LINQ, switch expressions, string interpolation, a generic method), every tenth
/// file a generic repository and every tenth an xunit test class. One member in a hundred carries
/// a RegressionProof link: <c>[Fixes]</c> in application code, <c>[RegressionFor]</c> on a test.
/// </summary>
internal sealed class RealisticProject
{
    public const int Files = 2000;
    public const int MembersPerLink = 100;

    private int _members;
    private int _links;
    private int _sinceLastLink;

    private RealisticProject()
    {
    }

    public IReadOnlyList<string> Sources { get; private set; } = [];

    /// <summary>Members declared: fields, constructors, properties, methods and interface members.</summary>
    public int Members => _members;

    public int Links => _links;

    /// <summary>Index of a file that carries no link, for the unrelated edit.</summary>
    public int PlainFile { get; private set; } = -1;

    public static RealisticProject Generate()
    {
        var project = new RealisticProject();
        var sources = new List<string>(Files);
        for (var i = 0; i < Files; i++)
        {
            var before = project._links;
            sources.Add(i % 10 == 9 ? project.TestFile(i) : project.ApplicationFile(i));
            if (project._links == before && i % 10 != 9 && i > Files / 2 && project.PlainFile < 0)
            {
                project.PlainFile = i;
            }
        }

        project.Sources = sources;
        return project;
    }

    /// <summary>Where the unrelated edit types: after this statement of a method body.</summary>
    public const string EditAnchor = "var total = 0m;";

    /// <summary>Counts a member; true when it is its turn to carry a link (about one in a hundred).</summary>
    private bool Member(bool canCarryLink)
    {
        _members++;
        _sinceLastLink++;
        if (canCarryLink && _sinceLastLink >= MembersPerLink)
        {
            _sinceLastLink = 0;
            _links++;
            return true;
        }

        return false;
    }

    private string ApplicationFile(int i)
    {
        var area = $"Area{i % 40}";
        var s = new StringBuilder(6000);
        s.AppendLine("using System;")
            .AppendLine("using System.Collections.Generic;")
            .AppendLine("using System.Linq;")
            .AppendLine("using RegressionProof;")
            .AppendLine()
            .AppendLine($"namespace Company.Product.{area};")
            .AppendLine()
            .AppendLine($"public enum Status{i} {{ Draft, Submitted, Approved, Rejected, Archived }}")
            .AppendLine()
            .AppendLine($"public sealed record Line{i}(int Id, string Sku, int Quantity, decimal UnitPrice)")
            .AppendLine("{")
            .AppendLine("    public decimal Amount => Quantity * UnitPrice;")
            .AppendLine("}")
            .AppendLine()
            .AppendLine($"public interface IOrderService{i}")
            .AppendLine("{");
        for (var m = 0; m < 3; m++)
        {
            Member(canCarryLink: false);
        }

        s.AppendLine($"    decimal Total(IReadOnlyList<Line{i}> lines);")
            .AppendLine($"    Status{i} Next(Status{i} status, bool approved);")
            .AppendLine("    string Describe(int id);")
            .AppendLine("}")
            .AppendLine()
            .AppendLine("/// <summary>Application service: totals, status changes and descriptions.</summary>")
            .AppendLine($"public class OrderService{i} : IOrderService{i}")
            .AppendLine("{");

        Member(false);
        Member(false);
        Member(false);
        s.AppendLine("    private readonly Dictionary<int, string> _names = new();")
            .AppendLine("    private readonly List<decimal> _history = new();")
            .AppendLine($"    private readonly int _threshold = {i % 97 + 3};")
            .AppendLine();
        Member(false);
        s.AppendLine($"    public OrderService{i}(IEnumerable<KeyValuePair<int, string>> names)")
            .AppendLine("    {")
            .AppendLine("        foreach (var pair in names)")
            .AppendLine("        {")
            .AppendLine("            _names[pair.Key] = pair.Value;")
            .AppendLine("        }")
            .AppendLine("    }")
            .AppendLine();

        Property(s, "public string Name { get; set; } = string.Empty;");
        Property(s, "public int Count => _names.Count;");
        Property(s, "public decimal LastTotal => _history.Count == 0 ? 0m : _history[^1];");
        Property(s, $"public Status{i} Status {{ get; private set; }} = Status{i}.Draft;");

        Method(s, [
            $"public decimal Total(IReadOnlyList<Line{i}> lines)",
            "{",
            "    var total = 0m;",
            "    foreach (var line in lines)",
            "    {",
            "        if (line.Quantity <= 0)",
            "        {",
            "            continue;",
            "        }",
            "",
            "        total += line.Amount;",
            "    }",
            "",
            "    _history.Add(total);",
            "    return total > _threshold ? total - total * 0.05m : total;",
            "}",
        ]);
        Method(s, [
            $"public Status{i} Next(Status{i} status, bool approved) => status switch",
            "{",
            $"    Status{i}.Draft => Status{i}.Submitted,",
            $"    Status{i}.Submitted => approved ? Status{i}.Approved : Status{i}.Rejected,",
            $"    Status{i}.Rejected => Status{i}.Draft,",
            "    _ => status,",
            "};",
        ]);
        Method(s, [
            "public string Describe(int id)",
            "{",
            "    if (!_names.TryGetValue(id, out var name))",
            "    {",
            "        return $\"#{id} (unknown)\";",
            "    }",
            "",
            "    return $\"#{id} {name} in {Status} after {_history.Count} totals\";",
            "}",
        ]);
        Method(s, [
            "public IReadOnlyList<string> TopNames(int count) =>",
            "    _names.OrderByDescending(pair => pair.Value.Length).ThenBy(pair => pair.Key).Take(count).Select(pair => pair.Value).ToList();",
        ]);
        Method(s, [
            "public static T Clamp<T>(T value, T min, T max) where T : IComparable<T>",
            "{",
            "    if (value.CompareTo(min) < 0)",
            "    {",
            "        return min;",
            "    }",
            "",
            "    return value.CompareTo(max) > 0 ? max : value;",
            "}",
        ]);
        Method(s, [
            "public decimal Average()",
            "{",
            "    if (_history.Count == 0)",
            "    {",
            "        throw new InvalidOperationException(\"No totals yet.\");",
            "    }",
            "",
            "    return _history.Sum() / _history.Count;",
            "}",
        ]);
        Method(s, [
            "private bool IsLarge(decimal amount) => amount > _threshold * 10;",
        ]);
        s.AppendLine("}");

        if (i % 10 == 3)
        {
            s.AppendLine()
                .AppendLine($"public sealed class Repository{i}<TKey, TValue> where TKey : notnull")
                .AppendLine("{");
            Member(false);
            s.AppendLine("    private readonly Dictionary<TKey, TValue> _items = new();").AppendLine();
            Property(s, "public int Count => _items.Count;");
            Method(s, ["public void Save(TKey key, TValue value) => _items[key] = value;"]);
            Method(s, [
                "public TValue? Find(TKey key) => _items.TryGetValue(key, out var value) ? value : default;",
            ]);
            Method(s, [
                "public IEnumerable<TValue> Where(Func<TValue, bool> predicate)",
                "{",
                "    foreach (var value in _items.Values)",
                "    {",
                "        if (predicate(value))",
                "        {",
                "            yield return value;",
                "        }",
                "    }",
                "}",
            ]);
            s.AppendLine("}");
        }

        return s.ToString();
    }

    private string TestFile(int i)
    {
        var s = new StringBuilder(4000);
        s.AppendLine("using System;")
            .AppendLine("using System.Collections.Generic;")
            .AppendLine("using RegressionProof;")
            .AppendLine("using Xunit;")
            .AppendLine()
            .AppendLine($"namespace Company.Product.Tests.Area{i % 40};")
            .AppendLine()
            .AppendLine($"public class OrderService{i}Tests")
            .AppendLine("{");
        Member(false);
        s.AppendLine("    private readonly List<int> _seen = new();").AppendLine();
        for (var t = 0; t < 8; t++)
        {
            var link = Member(canCarryLink: true);
            s.AppendLine(link ? $"    [Fact, RegressionFor(\"INTAKE-{_links}\")]" : "    [Fact]")
                .AppendLine($"    public void Case{t}_keeps_the_total_right()")
                .AppendLine("    {")
                .AppendLine($"        var values = new[] {{ {t}, {t + 1}, {t + 2} }};")
                .AppendLine("        var sum = 0;")
                .AppendLine("        foreach (var value in values)")
                .AppendLine("        {")
                .AppendLine("            sum += value;")
                .AppendLine("            _seen.Add(value);")
                .AppendLine("        }")
                .AppendLine()
                .AppendLine($"        if (sum != {3 * t + 3})")
                .AppendLine("        {")
                .AppendLine("            throw new InvalidOperationException($\"Expected the sum, got {sum}.\");")
                .AppendLine("        }")
                .AppendLine("    }")
                .AppendLine();
        }

        s.AppendLine("}");
        return s.ToString();
    }

    private void Property(StringBuilder s, string declaration)
    {
        var link = Member(canCarryLink: true);
        if (link)
        {
            s.AppendLine($"    [Fixes(\"INTAKE-{_links}\")]");
        }

        s.Append("    ").AppendLine(declaration).AppendLine();
    }

    private void Method(StringBuilder s, string[] lines)
    {
        var link = Member(canCarryLink: true);
        if (link)
        {
            s.AppendLine($"    [Fixes(\"INTAKE-{_links}\")]");
        }

        foreach (var line in lines)
        {
            s.Append(line.Length == 0 ? string.Empty : "    ").AppendLine(line);
        }

        s.AppendLine();
    }
}
