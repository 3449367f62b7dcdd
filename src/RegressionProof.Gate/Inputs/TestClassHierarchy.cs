using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

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

    /// <summary>Every class the assembly defines that derives from another class (value types, interfaces and compiler-generated types left out).</summary>
    public static IReadOnlyList<DeclaredClass> Read(Stream assembly, string path)
    {
        try
        {
            using var pe = new PEReader(assembly, PEStreamOptions.LeaveOpen);
            return Read(pe.GetMetadataReader());
        }
        catch (BadImageFormatException exception)
        {
            throw new InputException(path, "is not a readable .NET assembly: " + exception.Message);
        }
    }

    private static List<DeclaredClass> Read(MetadataReader metadata)
    {
        var classes = new List<DeclaredClass>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.Interface) != 0 || type.BaseType.IsNil)
            {
                continue;
            }

            var name = Name(metadata, handle);
            var baseClass = Name(metadata, type.BaseType);
            if (name is null || baseClass is null or "System.Object" or "System.ValueType" or "System.Enum" or "System.MulticastDelegate")
            {
                continue;
            }

            classes.Add(new DeclaredClass(name, baseClass, (type.Attributes & TypeAttributes.Abstract) != 0));
        }

        return classes;
    }

    // Nesting in metadata is a chain of handles; a corrupt one may loop, so it is followed only so far.
    private const int MaxNesting = 64;

    private static string? Name(MetadataReader metadata, EntityHandle handle, int depth = 0)
    {
        if (depth > MaxNesting)
        {
            return null;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                var definition = metadata.GetTypeDefinition((TypeDefinitionHandle)handle);
                var name = WithoutArity(metadata.GetString(definition.Name));
                if (name.Contains('<', StringComparison.Ordinal))
                {
                    return null; // compiler-generated (closures, state machines): never a test class
                }

                var outer = definition.GetDeclaringType();
                return outer.IsNil ? Qualify(metadata.GetString(definition.Namespace), name) : Name(metadata, outer, depth + 1) is { } outerName ? outerName + "." + name : null;
            case HandleKind.TypeReference:
                var reference = metadata.GetTypeReference((TypeReferenceHandle)handle);
                var referenceName = WithoutArity(metadata.GetString(reference.Name));
                return reference.ResolutionScope.Kind == HandleKind.TypeReference
                    ? Name(metadata, (TypeReferenceHandle)reference.ResolutionScope, depth + 1) is { } scope ? scope + "." + referenceName : null
                    : Qualify(metadata.GetString(reference.Namespace), referenceName);
            case HandleKind.TypeSpecification:
                // A generic base (class Derived : Base<int>): the class is the generic definition.
                var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return null;
                }

                blob.ReadSignatureTypeCode(); // class or value type
                return Name(metadata, blob.ReadTypeHandle(), depth + 1);
            default:
                return null;
        }
    }

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    private static string WithoutArity(string name)
    {
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
