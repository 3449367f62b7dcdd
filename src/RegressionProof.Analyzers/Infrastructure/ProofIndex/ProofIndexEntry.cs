using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// One project's entry of the proof index, as the package's build targets write it after a build
/// (<c>RegressionProofWriteIndexEntry</c>, docs/rules/RP0012.md): the project's assembly, the
/// projects it references, and the cards its manifest links as fixes and as proofs.
/// </summary>
/// <remarks>
/// The text is line-based so MSBuild can write it without a task:
/// <code>
/// regression-proof/proof-index/v1
/// assembly Shop.Tests
/// reference Shop
/// manifest {"schema":"regression-proof/manifest/v1",...}
/// </code>
/// An entry that does not read this way is ignored: the index errs on the side of silence.
/// </remarks>
internal sealed class ProofIndexEntry
{
    public const string Header = "regression-proof/proof-index/v1";

    /// <summary>How the index's files end; the analyzers find them among the AdditionalFiles by it.</summary>
    public const string FileExtension = ".proofindex";

    private static readonly ProofIndexEntry Unusable = new(string.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);

    // Parsed once per file version: the IDE hands a new AdditionalText when the file changes.
    private static readonly ConditionalWeakTable<AdditionalText, ProofIndexEntry> Cache = new();

    private ProofIndexEntry(string assembly, ImmutableHashSet<string> references, ImmutableHashSet<string> fixCards, ImmutableHashSet<string> proofCards)
    {
        Assembly = assembly;
        References = references;
        FixCards = fixCards;
        ProofCards = proofCards;
    }

    /// <summary>The assembly name of the project; empty for an entry that could not be read.</summary>
    public string Assembly { get; }

    /// <summary>The assembly names of the projects it references.</summary>
    public ImmutableHashSet<string> References { get; }

    /// <summary>Cards its <c>[Fixes]</c> name.</summary>
    public ImmutableHashSet<string> FixCards { get; }

    /// <summary>Cards its proofs name.</summary>
    public ImmutableHashSet<string> ProofCards { get; }

    public bool IsUsable => Assembly.Length > 0;

    public static ProofIndexEntry Read(AdditionalText file, CancellationToken cancellationToken) =>
        Cache.GetValue(file, f => Parse(f.GetText(cancellationToken)?.ToString()));

    /// <summary>The entry a text describes; an unusable one for anything that is not an index entry.</summary>
    public static ProofIndexEntry Parse(string? text)
    {
        if (text is null)
        {
            return Unusable;
        }

        var lines = text.Split('\n');
        if (lines[0].Trim().TrimStart('\uFEFF') != Header)
        {
            return Unusable;
        }

        var assembly = string.Empty;
        var hasManifest = false;
        var references = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var fixes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var proofs = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var space = line.IndexOf(' ');
            var key = space < 0 ? line : line.Substring(0, space);
            var value = space < 0 ? string.Empty : line.Substring(space + 1).Trim();
            switch (key)
            {
                case "assembly":
                    assembly = value;
                    break;
                case "reference" when value.Length > 0:
                    references.Add(value);
                    break;
                case "manifest":
                    if (!ReadManifest(value, fixes, proofs))
                    {
                        return Unusable;
                    }

                    hasManifest = true;
                    break;
            }
        }

        // Without its manifest an entry cannot say what the project proves, so it must not count as having looked.
        return assembly.Length == 0 || !hasManifest ? Unusable : new ProofIndexEntry(assembly, references.ToImmutable(), fixes.ToImmutable(), proofs.ToImmutable());
    }

    private static bool ReadManifest(string json, ImmutableHashSet<string>.Builder fixes, ImmutableHashSet<string>.Builder proofs)
    {
        var manifest = JsonDocumentReader.Parse(json, out _);
        if (manifest?["links"] is not { Kind: JsonNodeKind.Array } links)
        {
            return false;
        }

        foreach (var link in links.Items)
        {
            if (link["card"]?.AsString is not { Length: > 0 } card || link["kind"]?.AsString is not { } kind)
            {
                continue;
            }

            if (kind == Contract.ManifestContract.Fixes)
            {
                fixes.Add(card);
            }
            else if (Contract.ManifestContract.KindOf(kind) is not null)
            {
                proofs.Add(card);
            }
        }

        return true;
    }
}
