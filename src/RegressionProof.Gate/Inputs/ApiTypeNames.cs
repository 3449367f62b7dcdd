using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;

namespace RegressionProof.Gate.Inputs;

/// <summary>The generic parameter names in scope of a signature: the type's, then the method's.</summary>
internal sealed record ApiGenericContext(ImmutableArray<string> TypeParameters, ImmutableArray<string> MethodParameters)
{
    public static readonly ApiGenericContext Empty = new([], []);
}

/// <summary>
/// Type names as public API entries write them: C# keywords for primitive types, full names with
/// <c>.</c> between nested types, generic arguments in <c>&lt;…&gt;</c> separated by <c>,</c> without
/// a space (so a description token never holds one), generic parameters by their declared names.
/// A required custom modifier is kept as a <c>modreq(Name) </c> prefix for the reader to inspect
/// (<c>init</c>, <c>volatile</c>, <c>unmanaged</c>) and removed by <see cref="Clean"/>.
/// </summary>
internal sealed partial class ApiTypeNames : ISignatureTypeProvider<string, ApiGenericContext>
{
    public static readonly ApiTypeNames Instance = new();

    /// <summary>The type definition's name with its generic parameters: <c>Shop.Repository&lt;T&gt;.Page</c>.</summary>
    public static string Of(MetadataReader metadata, TypeDefinition type) =>
        Instantiate(RawName(metadata, type), type.GetGenericParameters().Select(p => metadata.GetString(metadata.GetGenericParameter(p).Name)).ToImmutableArray());

    /// <summary>The name of a type definition, reference or specification.</summary>
    public static string Of(MetadataReader metadata, EntityHandle handle, ApiGenericContext context) => Clean(Raw(metadata, handle, context));

    /// <summary>The name with its <c>modreq(…) </c> prefixes and arity markers, for <see cref="HasModifier"/>.</summary>
    public static string Raw(MetadataReader metadata, EntityHandle handle, ApiGenericContext context) => handle.Kind switch
    {
        HandleKind.TypeDefinition => Instance.GetTypeFromDefinition(metadata, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeReference => Instance.GetTypeFromReference(metadata, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => Instance.GetTypeFromSpecification(metadata, context, (TypeSpecificationHandle)handle, 0),
        _ => "?",
    };

    /// <summary>Removes the <c>modreq(…) </c> prefixes and arity markers left in a name.</summary>
    public static string Clean(string name) => Arity().Replace(Modifier().Replace(name, string.Empty), string.Empty);

    public static bool HasModifier(string name, string modifier) => name.Contains("modreq(" + modifier + ")", StringComparison.Ordinal);

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

    /// <summary>The full name of the type a custom attribute's constructor belongs to.</summary>
    public static string? AttributeType(MetadataReader metadata, CustomAttribute attribute)
    {
        var type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeDefinition => RawName(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type)),
            HandleKind.TypeReference => RawName(metadata, metadata.GetTypeReference((TypeReferenceHandle)type)),
            _ => null,
        };
    }

    public static bool HasAttribute(MetadataReader metadata, CustomAttributeHandleCollection attributes, string fullName)
    {
        foreach (var handle in attributes)
        {
            if (AttributeType(metadata, metadata.GetCustomAttribute(handle)) == fullName)
            {
                return true;
            }
        }

        return false;
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

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Keyword(RawName(reader, reader.GetTypeDefinition(handle)));

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Keyword(RawName(reader, reader.GetTypeReference(handle)));

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

    public string GetFunctionPointerType(MethodSignature<string> signature) =>
        "delegate*<" + string.Join(",", signature.ParameterTypes.Append(signature.ReturnType).Select(Clean)) + ">";

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
        var result = new StringBuilder(rawName.Length + 16);
        var next = 0;
        var segments = rawName.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                result.Append('.');
            }

            var segment = segments[i];
            var tick = segment.IndexOf('`', StringComparison.Ordinal);
            if (tick < 0 || !int.TryParse(segment.AsSpan(tick + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var arity))
            {
                result.Append(segment);
                continue;
            }

            result.Append(segment, 0, tick);
            var take = Math.Min(arity, arguments.Length - next);
            if (take > 0)
            {
                result.Append('<').Append(string.Join(",", arguments.Skip(next).Take(take).Select(Clean))).Append('>');
                next += take;
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"modreq\([^()]*\) ")]
    private static partial Regex Modifier();

    [GeneratedRegex(@"`[0-9]+")]
    private static partial Regex Arity();
}
