using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>Reads the classes of an assembly and their base classes from its metadata, for <see cref="TestClassHierarchy"/>.</summary>
internal static class DeclaredClassReader
{
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

    /// <summary>The same, from metadata already open.</summary>
    public static List<DeclaredClass> Read(MetadataReader metadata)
    {
        var classes = new List<DeclaredClass>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            Add(metadata, handle, metadata.GetTypeDefinition(handle), classes);
        }

        return classes;
    }

    /// <summary>Adds one type to <paramref name="classes"/> when it is a class that derives from another (the inspector reads every type once, for all it needs).</summary>
    public static void Add(MetadataReader metadata, TypeDefinitionHandle handle, TypeDefinition type, List<DeclaredClass> classes)
    {
        if ((type.Attributes & TypeAttributes.Interface) != 0 || type.BaseType.IsNil)
        {
            return;
        }

        var name = Name(metadata, handle);
        var baseClass = Name(metadata, type.BaseType);
        if (name is null || baseClass is null or "System.Object" or "System.ValueType" or "System.Enum" or "System.MulticastDelegate")
        {
            return;
        }

        classes.Add(new DeclaredClass(name, baseClass, (type.Attributes & TypeAttributes.Abstract) != 0));
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
