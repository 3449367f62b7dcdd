using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// What the last build of the solution knew about cards: the union of the entries of the proof
/// index that the compilation receives as AdditionalFiles (<c>*.proofindex</c>). Each entry is
/// parsed once per file version; this union is made once per compilation.
/// </summary>
internal sealed class ProofIndex
{
    private readonly IReadOnlyList<ProofIndexEntry> _entries;

    private ProofIndex(IReadOnlyList<ProofIndexEntry> entries)
    {
        _entries = entries;
        var fixes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var proofs = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            fixes.UnionWith(entry.FixCards);
            proofs.UnionWith(entry.ProofCards);
        }

        FixCards = fixes.ToImmutable();
        ProvenCards = proofs.ToImmutable();
    }

    /// <summary>Cards some <c>[Fixes]</c> named at the last build.</summary>
    public ImmutableHashSet<string> FixCards { get; }

    /// <summary>Cards some proof named at the last build.</summary>
    public ImmutableHashSet<string> ProvenCards { get; }

    /// <summary>Whether any of the files is an entry of the index, by name only: nothing is read.</summary>
    public static bool IsAmong(ImmutableArray<AdditionalText> files)
    {
        foreach (var file in files)
        {
            if (IsEntry(file))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of this compilation; null when it has none, or none that could be read (a fresh clone before its first build).</summary>
    public static ProofIndex? Find(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        List<ProofIndexEntry>? entries = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsEntry(file))
            {
                continue;
            }

            var entry = ProofIndexEntry.Read(file, cancellationToken);
            if (entry.IsUsable)
            {
                (entries ??= new List<ProofIndexEntry>()).Add(entry);
            }
        }

        return entries is null ? null : new ProofIndex(entries);
    }

    private static bool IsEntry(AdditionalText file) => file.Path.EndsWith(ProofIndexEntry.FileExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the last build built a project that references <paramref name="assembly"/>: only
    /// then can the index say anything about proofs of its fixes. Building a production project
    /// alone writes its own entry, which proves nothing about the tests that reference it.
    /// </summary>
    public bool Covers(string assembly)
    {
        foreach (var entry in _entries)
        {
            if (entry.Assembly != assembly && entry.References.Contains(assembly))
            {
                return true;
            }
        }

        return false;
    }
}
