using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Gate.Inputs;

/// <summary>What the gate reads of an assembly besides its manifest.</summary>
/// <param name="PublicApi">The public API entries (<see cref="Model.ApiEntry"/> lines), sorted.</param>
/// <param name="LegacyPublicApi">The same API in the lines of earlier coverage manifests, to compare with a baseline written by them.</param>
/// <param name="Migrations">The schema migrations the assembly declares.</param>
/// <param name="ReferencesTestFramework">Whether it references a test framework's assembly: a test assembly, when its manifest does not say.</param>
/// <param name="Classes">Its classes that derive from others, for proofs on base test classes.</param>
/// <param name="MemberHashes">The hash of each member's code by member ID (<see cref="MemberBodies"/>); null for a test assembly, and when not asked for.</param>
internal sealed record InspectedAssembly(
    IReadOnlyList<string> PublicApi,
    IReadOnlyList<string>? LegacyPublicApi,
    IReadOnlyList<string> Migrations,
    bool ReferencesTestFramework,
    IReadOnlyList<Model.DeclaredClass> Classes,
    IReadOnlyDictionary<string, string>? MemberHashes = null)
{
    /// <summary>The names of the assemblies it references.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary>
/// What the gate needs of an assembly besides its manifest, from metadata alone (the assembly is
/// never loaded): its public API surface, the schema migrations it declares, whether it is a test
/// assembly, its classes, the hashes of its members' code. Every type definition is visited once
/// for all of them, and the names of the types its signatures and attributes refer to are decoded
/// once (<see cref="ApiTypeNames"/>).
/// </summary>
internal static class AssemblyInspector
{
    /// <param name="withEarlierApiFormat">
    /// Whether to write the API in the lines of earlier coverage manifests as well: only a baseline
    /// written by an earlier version needs them, and reading the API twice doubles the scan.
    /// </param>
    public static InspectedAssembly Inspect(Stream stream, string path, bool withEarlierApiFormat = true)
    {
        try
        {
            using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
            if (!pe.HasMetadata)
            {
                throw new InputException(path, "is not a .NET assembly (it has no CLI metadata)");
            }

            return Inspect(pe.GetMetadataReader(), withEarlierApiFormat, pe);
        }
        catch (BadImageFormatException exception)
        {
            throw new InputException(path, "is not a .NET assembly: " + exception.Message);
        }
    }

    /// <summary>The same, from metadata already open (the scanner has read the manifest from it); a <see cref="BadImageFormatException"/> is the caller's to report.</summary>
    /// <param name="pe">The image, to hash the members' code from; without it there are no member hashes.</param>
    public static InspectedAssembly Inspect(MetadataReader metadata, bool withEarlierApiFormat, PEReader? pe = null)
    {
        var referencesTestFramework = false;
        var references = new List<string>(metadata.AssemblyReferences.Count);
        foreach (var reference in metadata.AssemblyReferences)
        {
            var name = metadata.GetString(metadata.GetAssemblyReference(reference).Name);
            references.Add(name);
            referencesTestFramework |= TestFrameworkAssemblies.IsTestFramework(name);
        }

        // Test code is outside the scope report: its members are not hashed.
        var bodies = pe is null || referencesTestFramework ? null : MemberBodies.Reading(pe, metadata);
        var names = new ApiTypeNames(metadata);
        var api = new PublicApiReader(metadata, names);
        var legacy = withEarlierApiFormat ? new LegacyPublicApi(metadata) : null;
        var classes = new List<Model.DeclaredClass>();
        List<string>? migrations = null;
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            DeclaredClassReader.Add(metadata, handle, type, classes);
            bodies?.Add(handle);
            if (!PublicApiReader.IsVisible(metadata, type))
            {
                continue;
            }

            if (MigrationOf(metadata, names, type) is { } migration)
            {
                (migrations ??= []).Add(migration + " " + LegacyPublicApi.FullName(metadata, type));
            }

            api.Add(type);
            legacy?.Add(type);
        }

        return new InspectedAssembly(api.Lines(), legacy?.Lines(), migrations is null ? [] : OrdinalLines.SortDistinct(migrations), referencesTestFramework, classes, bodies?.Hashes)
        {
            References = references,
        };
    }

    /// <summary>
    /// EF Core: <c>[Migration("id")]</c> on a subclass of <c>Migration</c>. FluentMigrator:
    /// <c>[Migration(version)]</c> on a migration class. Both are recognised by name.
    /// </summary>
    private static string? MigrationOf(MetadataReader metadata, ApiTypeNames names, TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            var attributeType = names.AttributeType(attribute.Constructor);
            if (attributeType.IsNil)
            {
                continue;
            }

            var name = names.Of(attributeType, ApiGenericContext.Empty);
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
