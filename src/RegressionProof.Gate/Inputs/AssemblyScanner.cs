using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads the manifests of built assemblies and merges the copies of one assembly (target
/// frameworks, configurations, test output folders) into one, so nothing is counted twice.
/// </summary>
internal static class AssemblyScanner
{
    /// <param name="withEarlierApiFormat">Whether the baseline was written by an earlier version, whose API lines are compared in their own format.</param>
    public static IReadOnlyList<ScannedAssembly> Scan(IReadOnlyList<string> files, string root, Action<int, int>? progress = null, bool withEarlierApiFormat = true)
    {
        var copies = new List<(string Name, ScannedFile File, ManifestDocument Manifest, InspectedAssembly Inspected)>();
        for (var i = 0; i < files.Count; i++)
        {
            progress?.Invoke(i + 1, files.Count);
            var path = files[i];

            // Each file is read once: its hash, its manifest and its API all come from the same bytes,
            // held in a pooled buffer (a fresh array per assembly would land most of them on the
            // large object heap and make the collector's work grow faster than the repository).
            byte[] buffer;
            int length;
            if (FileKind.NotARegularFile(path) is { } kind)
            {
                throw new InputException(path, $"is {kind}, not an assembly file"); // opening a FIFO would wait forever
            }

            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                length = checked((int)file.Length);
                buffer = ArrayPool<byte>.Shared.Rent(length);
                file.ReadExactly(buffer, 0, length);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or OverflowException)
            {
                throw new InputException(path, "cannot be read: " + exception.Message);
            }

            try
            {
                // One reader over the bytes: the manifest, the API, the migrations and the classes
                // all come from the same metadata.
                using var stream = new MemoryStream(buffer, 0, length, writable: false);
                using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
                ManifestDocument? manifest;
                InspectedAssembly inspected;
                try
                {
                    if (!pe.HasMetadata)
                    {
                        throw new InputException(path, "is not a .NET assembly (it has no CLI metadata)");
                    }

                    var metadata = pe.GetMetadataReader();
                    manifest = AssemblyManifestReader.ReadManifest(metadata, path);
                    if (manifest is null)
                    {
                        continue; // built without RegressionProof: nothing to gate in it
                    }

                    inspected = AssemblyInspector.Inspect(metadata, withEarlierApiFormat);
                }
                catch (ManifestFormatException exception)
                {
                    throw new InputException(exception.File, exception.Reason, exception.Line, exception.Column);
                }
                catch (BadImageFormatException exception)
                {
                    throw new InputException(path, "is not a .NET assembly: " + exception.Message);
                }

                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.AsSpan(0, length)));
                copies.Add((manifest.Assembly, new ScannedFile(relative, sha256), manifest, inspected));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return copies
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScannedAssembly(
                g.Key,
                g.Select(c => c.File).OrderBy(f => f.Path, StringComparer.Ordinal).ToList(),
                g.SelectMany(c => c.Manifest.Links)
                    .DistinctBy(l => (l.Kind, l.Card, l.Symbol, l.Test))
                    .OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Line).ThenBy(l => l.Kind, StringComparer.Ordinal).ThenBy(l => l.Card, StringComparer.Ordinal).ThenBy(l => l.Symbol, StringComparer.Ordinal)
                    .ToList(),
                g.SelectMany(c => c.Inspected.PublicApi).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                g.SelectMany(c => c.Inspected.Migrations).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                // The manifest says whether the project's API is checked; a manifest of an earlier
                // version does not, and then a reference to a test framework marks a test assembly.
                g.Any(c => c.Manifest.PublicApiChecked ?? !c.Inspected.ReferencesTestFramework),
                withEarlierApiFormat ? g.SelectMany(c => c.Inspected.LegacyPublicApi ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() : null)
            {
                Classes = g.SelectMany(c => c.Inspected.Classes).Distinct().ToList(),
            })
            .ToList();
    }
}
