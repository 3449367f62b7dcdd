using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;

namespace RegressionProof.Gate.Inputs;

/// <summary>The generic parameter names in scope of a signature: the type's, then the method's.</summary>
internal sealed record ApiGenericContext(ImmutableArray<string> TypeParameters, ImmutableArray<string> MethodParameters)
{
    public static readonly ApiGenericContext Empty = new([], []);
}

/// <summary>The attributes the API reader looks for on a type, member or parameter, as flags.</summary>
[Flags]
internal enum KnownAttributes
{
    None = 0,
    IsReadOnly = 1,
    IsByRefLike = 2,
    Extension = 4,
    RequiredMember = 8,
    RequiresLocation = 16,
    ParamArray = 32,
    ParamCollection = 64,
}

/// <summary>
/// Type names as public API entries write them: C# keywords for primitive types, full names with
/// <c>.</c> between nested types, generic arguments in <c>&lt;…&gt;</c> separated by <c>,</c> without
/// a space (so a description token never holds one), generic parameters by their declared names.
/// A required custom modifier is kept as a <c>modreq(Name) </c> prefix for the reader to inspect
/// (<c>init</c>, <c>volatile</c>, <c>unmanaged</c>) and removed by <see cref="Clean"/>.
/// One instance reads one assembly: the names of its type definitions and references, and what
/// each attribute constructor constructs, are decoded once and kept (every signature names the
/// same few types again and again).
/// </summary>
internal sealed partial class ApiTypeNames(MetadataReader metadata) : ISignatureTypeProvider<string, ApiGenericContext>
{
    private const string CompilerServices = "System.Runtime.CompilerServices.";

    private readonly Dictionary<TypeDefinitionHandle, string> _definitions = [];
    private readonly Dictionary<TypeReferenceHandle, string> _references = [];
    private readonly Dictionary<EntityHandle, KnownAttributes> _constructors = [];

    /// <summary>The type definition's name with its generic parameters: <c>Shop.Repository&lt;T&gt;.Page</c>.</summary>
    public string Of(TypeDefinition type, ImmutableArray<string> genericParameters) => Instantiate(RawName(metadata, type), genericParameters);

    /// <summary>The name of a type definition, reference or specification.</summary>
    public string Of(EntityHandle handle, ApiGenericContext context) => Clean(Raw(handle, context));

    /// <summary>The name with its <c>modreq(…) </c> prefixes and arity markers, for <see cref="HasModifier"/>.</summary>
    public string Raw(EntityHandle handle, ApiGenericContext context) => handle.Kind switch
    {
        HandleKind.TypeDefinition => GetTypeFromDefinition(metadata, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeReference => GetTypeFromReference(metadata, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => GetTypeFromSpecification(metadata, context, (TypeSpecificationHandle)handle, 0),
        _ => "?",
    };

    /// <summary>Removes the <c>modreq(…) </c> prefixes and arity markers left in a name.</summary>
    public static string Clean(string name)
    {
        // Most names carry neither: they are returned as they are, without running the expressions.
        var hasModifier = name.Contains("modreq(", StringComparison.Ordinal);
        if (!hasModifier && !name.Contains('`', StringComparison.Ordinal))
        {
            return name;
        }

        return Arity().Replace(hasModifier ? Modifier().Replace(name, string.Empty) : name, string.Empty);
    }

    /// <summary>Whether a raw name carries a required modifier: <paramref name="modifier"/> is its full name written as <c>modreq(Name)</c>.</summary>
    public static bool HasModifier(string name, string modifier) => name.Contains(modifier, StringComparison.Ordinal);

    public const string IsExternalInit = "modreq(" + CompilerServices + "IsExternalInit)";

    public const string IsVolatile = "modreq(" + CompilerServices + "IsVolatile)";

    public const string UnmanagedType = "modreq(System.Runtime.InteropServices.UnmanagedType)";

    /// <summary>The metadata name of a type definition: namespace, nested types joined by '.', arity markers kept.</summary>
    public static string RawName(MetadataReader metadata, TypeDefinition type)
    {
        var name = metadata.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } declaring)
        {
            return RawName(metadata, metadata.GetTypeDefinition(declaring)) + "." + name;
        }

        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string RawName(MetadataReader metadata, TypeReference reference)
    {
        var name = metadata.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return RawName(metadata, metadata.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope)) + "." + name;
        }

        var ns = metadata.GetString(reference.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Which of the <see cref="KnownAttributes"/> the attributes of a type, member or parameter are.</summary>
    public KnownAttributes AttributesOf(CustomAttributeHandleCollection attributes)
    {
        var found = KnownAttributes.None;
        foreach (var handle in attributes)
        {
            found |= AttributeOf(metadata.GetCustomAttribute(handle).Constructor);
        }

        return found;
    }

    /// <summary>What the attribute a constructor belongs to is, decided once per constructor.</summary>
    public KnownAttributes AttributeOf(EntityHandle constructor)
    {
        if (!_constructors.TryGetValue(constructor, out var known))
        {
            known = Classify(constructor);
            _constructors.Add(constructor, known);
        }

        return known;
    }

    /// <summary>The type a custom attribute's constructor belongs to (nil when the constructor is neither a definition nor a reference).</summary>
    public EntityHandle AttributeType(EntityHandle constructor) => constructor.Kind switch
    {
        HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent,
        HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
        _ => default,
    };

    private KnownAttributes Classify(EntityHandle constructor)
    {
        var type = AttributeType(constructor);
        if (type.IsNil)
        {
            return KnownAttributes.None;
        }

        var raw = type.Kind switch
        {
            HandleKind.TypeDefinition => RawName(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type)),
            HandleKind.TypeReference => RawName(metadata, metadata.GetTypeReference((TypeReferenceHandle)type)),
            _ => null,
        };
        return raw switch
        {
            CompilerServices + "IsReadOnlyAttribute" => KnownAttributes.IsReadOnly,
            CompilerServices + "IsByRefLikeAttribute" => KnownAttributes.IsByRefLike,
            CompilerServices + "ExtensionAttribute" => KnownAttributes.Extension,
            CompilerServices + "RequiredMemberAttribute" => KnownAttributes.RequiredMember,
            CompilerServices + "RequiresLocationAttribute" => KnownAttributes.RequiresLocation,
            CompilerServices + "ParamCollectionAttribute" => KnownAttributes.ParamCollection,
            "System.ParamArrayAttribute" => KnownAttributes.ParamArray,
            _ => KnownAttributes.None,
        };
    }

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => typeCode.ToString(),
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        if (!_definitions.TryGetValue(handle, out var name))
        {
            name = Keyword(RawName(reader, reader.GetTypeDefinition(handle)));
            _definitions.Add(handle, name);
        }

        return name;
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        if (!_references.TryGetValue(handle, out var name))
        {
            name = Keyword(RawName(reader, reader.GetTypeReference(handle)));
            _references.Add(handle, name);
        }

        return name;
    }

    public string GetTypeFromSpecification(MetadataReader reader, ApiGenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => Instantiate(genericType, typeArguments);

    public string GetGenericTypeParameter(ApiGenericContext genericContext, int index) =>
        index < genericContext.TypeParameters.Length ? genericContext.TypeParameters[index] : "!" + index.ToString(CultureInfo.InvariantCulture);

    public string GetGenericMethodParameter(ApiGenericContext genericContext, int index) =>
        index < genericContext.MethodParameters.Length ? genericContext.MethodParameters[index] : "!!" + index.ToString(CultureInfo.InvariantCulture);

    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        var result = new StringBuilder("delegate*<");
        foreach (var parameter in signature.ParameterTypes)
        {
            result.Append(Clean(parameter)).Append(',');
        }

        return result.Append(Clean(signature.ReturnType)).Append('>').ToString();
    }

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        isRequired ? "modreq(" + modifier + ") " + unmodifiedType : unmodifiedType;

    public string GetPinnedType(string elementType) => elementType;

    /// <summary>C# keywords of types that signatures name by reference rather than by a primitive code.</summary>
    private static string Keyword(string name) => name switch
    {
        "System.Decimal" => "decimal",
        "System.Object" => "object",
        "System.String" => "string",
        _ => name,
    };

    /// <summary>
    /// Replaces each arity marker (<c>List`1</c>) of a raw name with that many arguments, in order:
    /// <c>Outer`1.Inner`1</c> with <c>[int, string]</c> is <c>Outer&lt;int&gt;.Inner&lt;string&gt;</c>.
    /// </summary>
    private static string Instantiate(string rawName, ImmutableArray<string> arguments)
    {
        if (!rawName.Contains('`', StringComparison.Ordinal))
        {
            return rawName;
        }

        var result = new StringBuilder(rawName.Length + 16);
        var next = 0;
        var start = 0;
        while (start <= rawName.Length)
        {
            var end = rawName.IndexOf('.', start);
            if (end < 0)
            {
                end = rawName.Length;
            }

            if (start > 0)
            {
                result.Append('.');
            }

            var segment = rawName.AsSpan(start, end - start);
            var tick = segment.IndexOf('`');
            if (tick < 0 || !int.TryParse(segment[(tick + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var arity))
            {
                result.Append(segment);
            }
            else
            {
                result.Append(segment[..tick]);
                var take = Math.Min(arity, arguments.Length - next);
                if (take > 0)
                {
                    result.Append('<');
                    for (var i = 0; i < take; i++)
                    {
                        result.Append(i == 0 ? string.Empty : ",").Append(Clean(arguments[next + i]));
                    }

                    result.Append('>');
                    next += take;
                }
            }

            start = end + 1;
        }

        return result.ToString();
    }

    [GeneratedRegex(@"modreq\([^()]*\) ")]
    private static partial Regex Modifier();

    [GeneratedRegex(@"`[0-9]+")]
    private static partial Regex Arity();
}
