using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// What the gate needs of an assembly besides its manifest, from metadata alone (the assembly is
/// never loaded): its public API surface and the schema migrations it declares.
/// </summary>
internal static class AssemblyInspector
{
    /// <summary>
    /// The public surface: every public or protected type and member, one line each, sorted. A
    /// changed signature reads as one line removed and one added.
    /// </summary>
    public static (IReadOnlyList<string> PublicApi, IReadOnlyList<string> Migrations) Inspect(Stream stream, string path)
    {
        try
        {
            using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
            if (!pe.HasMetadata)
            {
                throw new InputException(path, "is not a .NET assembly (it has no CLI metadata)");
            }

            var metadata = pe.GetMetadataReader();
            var api = new SortedSet<string>(StringComparer.Ordinal);
            var migrations = new SortedSet<string>(StringComparer.Ordinal);
            var provider = new SignatureNames();
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if (!IsVisible(metadata, type))
                {
                    continue;
                }

                var typeName = FullName(metadata, type);
                api.Add(Kind(metadata, type) + " " + typeName);
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = metadata.GetMethodDefinition(methodHandle);
                    var access = method.Attributes & MethodAttributes.MemberAccessMask;
                    if (access is not (MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem))
                    {
                        continue;
                    }

                    var signature = method.DecodeSignature(provider, genericContext: null);
                    api.Add($"{typeName}.{metadata.GetString(method.Name)}({string.Join(", ", signature.ParameterTypes)}) : {signature.ReturnType}");
                }

                foreach (var fieldHandle in type.GetFields())
                {
                    var field = metadata.GetFieldDefinition(fieldHandle);
                    var access = field.Attributes & FieldAttributes.FieldAccessMask;
                    if (access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
                    {
                        api.Add($"{typeName}.{metadata.GetString(field.Name)} : {field.DecodeSignature(provider, genericContext: null)}");
                    }
                }

                if (MigrationOf(metadata, type) is { } migration)
                {
                    migrations.Add(migration + " " + typeName);
                }
            }

            return (api.ToList(), migrations.ToList());
        }
        catch (BadImageFormatException exception)
        {
            throw new InputException(path, "is not a .NET assembly: " + exception.Message);
        }
    }

    private static bool IsVisible(MetadataReader metadata, TypeDefinition type)
    {
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (visibility == TypeAttributes.Public)
        {
            return true;
        }

        if (visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem)
        {
            return IsVisible(metadata, metadata.GetTypeDefinition(type.GetDeclaringType()));
        }

        return false;
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

    /// <summary>
    /// EF Core: <c>[Migration("id")]</c> on a subclass of <c>Migration</c>. FluentMigrator:
    /// <c>[Migration(version)]</c> on a migration class. Both are recognised by name.
    /// </summary>
    private static string? MigrationOf(MetadataReader metadata, TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            var attributeType = attribute.Constructor.Kind switch
            {
                HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
                HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
                _ => default,
            };
            if (attributeType.IsNil)
            {
                continue;
            }

            var name = TypeName(metadata, attributeType);
            if (name is not ("Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute" or "FluentMigrator.MigrationAttribute"))
            {
                continue;
            }

            var value = attribute.DecodeValue(new AttributeValues());
            var id = value.FixedArguments.Length > 0 ? Convert.ToString(value.FixedArguments[0].Value, System.Globalization.CultureInfo.InvariantCulture) : "?";
            return name.StartsWith("FluentMigrator", StringComparison.Ordinal) ? $"fluentmigrator:{id}" : $"efcore:{id}";
        }

        return null;
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type)
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

    /// <summary>Type names in signatures, as text.</summary>
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

    /// <summary>Decodes the simple constructor arguments migration attributes carry (a string or a long).</summary>
    private sealed class AttributeValues : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => "enum";

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => "enum";

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
