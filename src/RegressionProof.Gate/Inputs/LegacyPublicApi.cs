using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// The public API lines of coverage manifests written before API entries had descriptions
/// (<c>class Shop.Cart</c>, <c>Shop.Cart.Total() : Decimal</c>). A baseline in that format is
/// compared with the same lines of this release, so upgrading the gate reports no change that
/// is not one; the comparison then sees only additions and removals.
/// </summary>
internal sealed class LegacyPublicApi(MetadataReader metadata)
{
    private readonly SortedSet<string> _api = new(StringComparer.Ordinal);
    private readonly SignatureNames _provider = new();

    public static IReadOnlyList<string> Read(MetadataReader metadata)
    {
        var reader = new LegacyPublicApi(metadata);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (PublicApiReader.IsVisible(metadata, type))
            {
                reader.Add(type);
            }
        }

        return reader.Lines();
    }

    /// <summary>The lines added so far, sorted.</summary>
    public List<string> Lines() => [.. _api];

    /// <summary>Adds the lines of a visible type and its members.</summary>
    public void Add(TypeDefinition type)
    {
        var typeName = FullName(metadata, type);
        _api.Add(Kind(metadata, type) + " " + typeName);
        foreach (var methodHandle in type.GetMethods())
        {
            var method = metadata.GetMethodDefinition(methodHandle);
            var access = method.Attributes & MethodAttributes.MemberAccessMask;
            if (access is not (MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem))
            {
                continue;
            }

            var signature = method.DecodeSignature(_provider, genericContext: null);
            _api.Add($"{typeName}.{metadata.GetString(method.Name)}({string.Join(", ", signature.ParameterTypes)}) : {signature.ReturnType}");
        }

        foreach (var fieldHandle in type.GetFields())
        {
            var field = metadata.GetFieldDefinition(fieldHandle);
            var access = field.Attributes & FieldAttributes.FieldAccessMask;
            if (access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
            {
                _api.Add($"{typeName}.{metadata.GetString(field.Name)} : {field.DecodeSignature(_provider, genericContext: null)}");
            }
        }
    }

    private static string Kind(MetadataReader metadata, TypeDefinition type)
    {
        if ((type.Attributes & TypeAttributes.Interface) != 0)
        {
            return "interface";
        }

        var baseName = type.BaseType.IsNil ? string.Empty : TypeName(metadata, type.BaseType);
        return baseName switch
        {
            "System.Enum" => "enum",
            "System.ValueType" => "struct",
            "System.MulticastDelegate" => "delegate",
            _ => "class",
        };
    }

    /// <summary>A type's name as the earlier lines (and migration entries) write it: nested types joined by <c>+</c>.</summary>
    internal static string FullName(MetadataReader metadata, TypeDefinition type)
    {
        var name = metadata.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } declaring)
        {
            return FullName(metadata, metadata.GetTypeDefinition(declaring)) + "+" + name;
        }

        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string TypeName(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => FullName(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)handle)),
        HandleKind.TypeReference => ReferenceName(metadata, metadata.GetTypeReference((TypeReferenceHandle)handle)),
        _ => "?",
    };

    private static string ReferenceName(MetadataReader metadata, TypeReference reference)
    {
        var name = metadata.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return ReferenceName(metadata, metadata.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope)) + "+" + name;
        }

        var ns = metadata.GetString(reference.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Type names in signatures, as the earlier format wrote them.</summary>
    private sealed class SignatureNames : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullName(reader, reader.GetTypeDefinition(handle));

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => ReferenceName(reader, reader.GetTypeReference(handle));

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(", ", typeArguments) + ">";

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType;
    }
}
