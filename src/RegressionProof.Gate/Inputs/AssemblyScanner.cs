using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
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

                    inspected = AssemblyInspector.Inspect(metadata, withEarlierApiFormat, pe);
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
                var sha256 = Sha256Hex.Of(buffer.AsSpan(0, length));
                copies.Add((manifest.Assembly, new ScannedFile(relative, sha256) { BuiltAt = File.GetLastWriteTimeUtc(path) }, manifest, inspected));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        // The copies of each assembly, in the order they were scanned, by name in ordinal order.
        var byName = new SortedDictionary<string, List<(ScannedFile File, ManifestDocument Manifest, InspectedAssembly Inspected)>>(StringComparer.Ordinal);
        foreach (var (name, file, manifest, inspected) in copies)
        {
            if (!byName.TryGetValue(name, out var group))
            {
                byName.Add(name, group = []);
            }

            group.Add((file, manifest, inspected));
        }

        var assemblies = new List<ScannedAssembly>(byName.Count);
        foreach (var (name, group) in byName)
        {
            var scannedFiles = new List<ScannedFile>(group.Count);
            var publicApiChecked = false;
            var isTestAssembly = false;
            var references = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var copy in group)
            {
                scannedFiles.Add(copy.File);
                isTestAssembly |= copy.Inspected.ReferencesTestFramework;
                references.UnionWith(copy.Inspected.References);

                // The manifest says whether the project's API is checked; a manifest of an earlier
                // version does not, and then a reference to a test framework marks a test assembly.
                publicApiChecked |= copy.Manifest.PublicApiChecked ?? !copy.Inspected.ReferencesTestFramework;
            }

            StableSort(scannedFiles, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            assemblies.Add(new ScannedAssembly(
                name,
                scannedFiles,
                Links(group),
                Lines(group, static c => c.PublicApi),
                Lines(group, static c => c.Migrations),
                publicApiChecked,
                withEarlierApiFormat ? Lines(group, static c => c.LegacyPublicApi ?? []) : null)
            {
                Classes = Classes(group),
                IsTestAssembly = isTestAssembly,
                References = [.. references],
                MemberHashes = MemberHashes(group),
            });
        }

        return assemblies;
    }

    /// <summary>The links of all copies, each once (the first copy's), ordered by where they are in the source.</summary>
    private static List<ManifestLink> Links(List<(ScannedFile File, ManifestDocument Manifest, InspectedAssembly Inspected)> group)
    {
        var count = 0;
        foreach (var copy in group)
        {
            count += copy.Manifest.Links.Count;
        }

        var seen = new HashSet<(string, string, string?, string?)>(count);
        var links = new List<ManifestLink>(count);
        foreach (var copy in group)
        {
            foreach (var link in copy.Manifest.Links)
            {
                if (seen.Add((link.Kind, link.Card, link.Symbol, link.Test)))
                {
                    links.Add(link);
                }
            }
        }

        StableSort(links, static (a, b) =>
        {
            var order = string.CompareOrdinal(a.Path, b.Path);
            order = order != 0 ? order : a.Line.CompareTo(b.Line);
            order = order != 0 ? order : string.CompareOrdinal(a.Kind, b.Kind);
            order = order != 0 ? order : string.CompareOrdinal(a.Card, b.Card);
            return order != 0 ? order : string.CompareOrdinal(a.Symbol, b.Symbol);
        });
        return links;
    }

    /// <summary>
    /// The lines of all copies, sorted, each once. Each copy's lines are sorted and distinct
    /// already, so one copy's (the usual case) are taken as they are.
    /// </summary>
    private static IReadOnlyList<string> Lines(List<(ScannedFile File, ManifestDocument Manifest, InspectedAssembly Inspected)> group, Func<InspectedAssembly, IReadOnlyList<string>> of)
    {
        if (group.Count == 1)
        {
            return of(group[0].Inspected);
        }

        var lines = new List<string>();
        foreach (var copy in group)
        {
            lines.AddRange(of(copy.Inspected));
        }

        return OrdinalLines.SortDistinct(lines);
    }

    /// <summary>
    /// The member hashes of all copies, merged (<see cref="Model.MemberHashes.Merge"/>); null when
    /// no copy has them (test code).
    /// </summary>
    private static IReadOnlyDictionary<string, string>? MemberHashes(List<(ScannedFile File, ManifestDocument Manifest, InspectedAssembly Inspected)> group)
    {
        if (group.Count == 1)
        {
            return group[0].Inspected.MemberHashes;
        }

        SortedDictionary<string, string>? merged = null;
        foreach (var copy in group)
        {
            if (copy.Inspected.MemberHashes is not { } hashes)
            {
                continue;
            }

            merged ??= new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (id, hash) in hashes)
            {
                merged[id] = merged.TryGetValue(id, out var other) ? Model.MemberHashes.Merge(other, hash) : hash;
            }
        }

        return merged;
    }

    /// <summary>The classes of all copies, each once, in the order they were first read.</summary>
    private static List<DeclaredClass> Classes(List<(ScannedFile File, ManifestDocument Manifest, InspectedAssembly Inspected)> group)
    {
        var seen = new HashSet<DeclaredClass>();
        var classes = new List<DeclaredClass>();
        foreach (var copy in group)
        {
            foreach (var declared in copy.Inspected.Classes)
            {
                if (seen.Add(declared))
                {
                    classes.Add(declared);
                }
            }
        }

        return classes;
    }

    /// <summary>Sorts in place keeping items that compare equal in their order, as <c>OrderBy</c> does.</summary>
    private static void StableSort<T>(List<T> items, Comparison<T> comparison)
    {
        // The generator writes a manifest's links in source order already: then there is nothing to move.
        var sorted = true;
        for (var i = 1; i < items.Count && sorted; i++)
        {
            sorted = comparison(items[i - 1], items[i]) <= 0;
        }

        if (sorted)
        {
            return;
        }

        var indexed = new (T Item, int Index)[items.Count];
        for (var i = 0; i < indexed.Length; i++)
        {
            indexed[i] = (items[i], i);
        }

        Array.Sort(indexed, (a, b) => comparison(a.Item, b.Item) is var order and not 0 ? order : a.Index.CompareTo(b.Index));
        for (var i = 0; i < indexed.Length; i++)
        {
            items[i] = indexed[i].Item;
        }
    }
}
