using System;
using System.Collections.Generic;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>
/// A class of a scanned assembly and the class it derives from, named as proofs name test classes
/// (<c>Ns.Outer.Inner</c>: nested with dots, generic arity left out).
/// </summary>
internal sealed record DeclaredClass(string Name, string? BaseClass, bool IsAbstract);

/// <summary>
/// Which classes run a test. A proof on an abstract base test class, or on a test method declared
/// in a base class, is recorded under the base class, while the runner reports each concrete class
/// that inherits it; this maps the one name to the others, across assemblies by full name.
/// </summary>
internal sealed class TestClassHierarchy
{
    public static readonly TestClassHierarchy Empty = new([]);

    private readonly Dictionary<string, List<string>> _derived = new(StringComparer.Ordinal);
    private readonly HashSet<string> _abstract = new(StringComparer.Ordinal);

    public TestClassHierarchy(IEnumerable<DeclaredClass> classes)
    {
        foreach (var type in classes.DistinctBy(c => (c.Name, c.BaseClass)))
        {
            if (type.IsAbstract)
            {
                _abstract.Add(type.Name);
            }

            if (type.BaseClass is not null)
            {
                if (!_derived.TryGetValue(type.BaseClass, out var children))
                {
                    _derived[type.BaseClass] = children = [];
                }

                children.Add(type.Name);
            }
        }
    }

    public static TestClassHierarchy From(IEnumerable<ScannedAssembly> assemblies) => new(assemblies.SelectMany(a => a.Classes));

    /// <summary>
    /// The names test results give <paramref name="test"/> (<c>Ns.Class.Method</c>): its own, and
    /// the same method under every concrete class that inherits the class, however many levels down.
    /// </summary>
    public IReadOnlyList<string> RunsOf(string test)
    {
        var dot = test.LastIndexOf('.');
        if (dot <= 0 || !_derived.ContainsKey(test[..dot]))
        {
            return [test];
        }

        var method = test[dot..];
        var names = new List<string> { test };
        var seen = new HashSet<string>(StringComparer.Ordinal) { test[..dot] };
        var pending = new Stack<string>();
        pending.Push(test[..dot]);
        while (pending.Count > 0)
        {
            if (!_derived.TryGetValue(pending.Pop(), out var children))
            {
                continue;
            }

            foreach (var child in children.Where(seen.Add))
            {
                if (!_abstract.Contains(child))
                {
                    names.Add(child + method);
                }

                pending.Push(child);
            }
        }

        return names;
    }
}
