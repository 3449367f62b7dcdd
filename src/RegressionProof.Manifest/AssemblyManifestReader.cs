using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RegressionProof.Manifest;

/// <summary>
/// Extracts the manifest that the RegressionProof generator embeds in an assembly, reading its
/// metadata with System.Reflection.Metadata: the assembly is never loaded or run.
/// </summary>
public static class AssemblyManifestReader
{
    private const string CarrierNamespace = "System.Reflection";
    private const string CarrierName = "AssemblyMetadataAttribute";

    /// <summary>
    /// The manifest of the assembly at <paramref name="path"/>, or null when it has none (it was
    /// built without RegressionProof). Throws <see cref="ManifestFormatException"/> for a file that is
    /// not a .NET assembly, a manifest of an unknown schema, or a corrupt manifest.
    /// </summary>
    public static ManifestDocument? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return ReadManifest(stream, path);
        }
        catch (IOException exception)
        {
            throw new ManifestFormatException(path, "cannot be read: " + exception.Message, null, null);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new ManifestFormatException(path, "cannot be read: " + exception.Message, null, null);
        }
    }

    /// <summary>The raw manifest JSON embedded in the assembly image in <paramref name="stream"/>, or null.</summary>
    public static string? ReadManifestJson(Stream stream, string path) =>
        ReadManifestUtf8(stream, path) is { } utf8 ? Encoding.UTF8.GetString(utf8) : null;

    /// <summary>
    /// The manifest of the assembly image in <paramref name="stream"/>, or null when it has none;
    /// parsed from the UTF-8 bytes metadata stores, without making a string of them first.
    /// </summary>
    public static ManifestDocument? ReadManifest(Stream stream, string path)
    {
        try
        {
            using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
            return ReadManifest(Open(pe, path), path);
        }
        catch (BadImageFormatException exception)
        {
            throw NotAnAssembly(path, exception);
        }
    }

    /// <summary>
    /// The manifest in metadata already open, or null: the gate reads the rest of the assembly from
    /// the same reader. The manifest's bytes are parsed from a pooled buffer, not an array of their own.
    /// </summary>
    public static ManifestDocument? ReadManifest(MetadataReader metadata, string path)
    {
        if (Find(metadata, path) is not { } found)
        {
            return null;
        }

        var (blob, length) = found;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            blob.ReadBytes(length, buffer, 0);
            return ManifestJson.Parse(buffer.AsMemory(0, length), path + " (embedded manifest)");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The manifest JSON as the custom attribute blob stores it: UTF-8 bytes.</summary>
    private static byte[]? ReadManifestUtf8(Stream stream, string path)
    {
        try
        {
            using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
            if (Find(Open(pe, path), path) is not { } found)
            {
                return null;
            }

            var (blob, length) = found;
            return blob.ReadBytes(length);
        }
        catch (BadImageFormatException exception)
        {
            throw NotAnAssembly(path, exception);
        }
    }

    private static MetadataReader Open(PEReader pe, string path)
    {
        if (!pe.HasMetadata)
        {
            throw new ManifestFormatException(path, "is not a .NET assembly (it has no CLI metadata)", null, null);
        }

        return pe.GetMetadataReader();
    }

    private static ManifestFormatException NotAnAssembly(string path, BadImageFormatException exception) =>
        new(path, "is not a .NET assembly: " + exception.Message, null, null);

    /// <summary>Where the manifest's UTF-8 bytes start in the attribute's blob, and how many there are (none for a null string); null when there is no manifest.</summary>
    private static (BlobReader Bytes, int Length)? Find(MetadataReader metadata, string path)
    {
        try
        {
            if (!metadata.IsAssembly)
            {
                throw new ManifestFormatException(path, "is a .NET module, not an assembly", null, null);
            }

            (BlobReader Bytes, int Length)? found = null;
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (!IsAssemblyMetadataAttribute(metadata, attribute.Constructor))
                {
                    continue;
                }

                var blob = metadata.GetBlobReader(attribute.Value);
                if (blob.Length < 2 || blob.ReadUInt16() != 1)
                {
                    continue;
                }

                var key = blob.ReadSerializedString();
                if (key != ManifestDocument.MetadataKey)
                {
                    continue;
                }

                if (found is not null)
                {
                    throw new ManifestFormatException(path, $"carries more than one '{ManifestDocument.MetadataKey}' manifest", null, null);
                }

                // A serialized string is a compressed length (0xFF for null) and its UTF-8 bytes.
                var peek = blob; // a copy: reading it leaves blob where it is
                if (blob.RemainingBytes > 0 && peek.ReadByte() == 0xFF)
                {
                    found = (blob, 0);
                    continue;
                }

                var length = blob.ReadCompressedInteger();
                if (length > blob.RemainingBytes)
                {
                    blob.ReadBytes(length); // throws as reading them always did: the blob is shorter than it says
                }

                found = (blob, length);
            }

            return found;
        }
        catch (BadImageFormatException exception)
        {
            throw NotAnAssembly(path, exception);
        }
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader metadata, EntityHandle constructor)
    {
        EntityHandle type;
        switch (constructor.Kind)
        {
            case HandleKind.MemberReference:
                type = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                break;
            case HandleKind.MethodDefinition:
                type = metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
                break;
            default:
                return false;
        }

        return type.Kind switch
        {
            HandleKind.TypeReference => Is(metadata, metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Is(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool Is(MetadataReader metadata, StringHandle ns, StringHandle name) =>
        metadata.StringComparer.Equals(name, CarrierName) && metadata.StringComparer.Equals(ns, CarrierNamespace);
}
