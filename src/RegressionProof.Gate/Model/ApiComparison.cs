using System;
using System.Collections.Generic;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>A change of one API entry: same identity, another description.</summary>
internal sealed record ApiChange(ApiEntry Before, ApiEntry After)
{
    /// <summary>The tokens only the earlier description has.</summary>
    public IReadOnlyList<string> Lost => Before.Tokens.Except(After.Tokens, StringComparer.Ordinal).ToList();

    /// <summary>The tokens only the new description has.</summary>
    public IReadOnlyList<string> Gained => After.Tokens.Except(Before.Tokens, StringComparer.Ordinal).ToList();

    /// <summary>For messages: <c>method Shop.Cart.Total() : decimal: virtual -> sealed override</c>.</summary>
    public override string ToString() => $"{After.Identity}: {Words(Lost)} -> {Words(Gained)}";

    /// <summary>
    /// Whether code built against the earlier API still builds and runs against the new one, as
    /// ApiCompat judges it: a class or struct may implement another interface, a class may stop
    /// being sealed. Every other change breaks someone (even protected -> public: an override in
    /// another assembly declared protected no longer compiles).
    /// </summary>
    public bool IsCompatible =>
        After.Kind is "class" or "struct"
        && Lost.All(token => token == "sealed" && After.Kind == "class")
        && Gained.All(token => token.StartsWith("implements=", StringComparison.Ordinal));

    private static string Words(IReadOnlyList<string> tokens) => tokens.Count == 0 ? "(none)" : string.Join(" ", tokens);
}

/// <summary>
/// The difference between two versions of an assembly's public API. Entries match by identity;
/// a baseline written before entries had descriptions (a line without <c> | </c> throughout) is
/// compared line by line (see <see cref="Compare"/>).
/// </summary>
internal sealed record ApiComparison(IReadOnlyList<ApiEntry> Added, IReadOnlyList<ApiEntry> Removed, IReadOnlyList<ApiChange> Changed)
{
    public static readonly ApiComparison None = new([], [], []);

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>
    /// Additions that break code built against the earlier version, as ApiCompat reports them: an
    /// abstract member added to a type that existed (every class deriving from it, every
    /// implementation of the interface stops compiling; an interface member without a default
    /// implementation is abstract), and a required member added to a type that existed (every
    /// object creation without it stops compiling).
    /// </summary>
    public IReadOnlyList<ApiEntry> BreakingAdditions { get; init; } = [];

    /// <summary>The changes a minor release may not make: removals, incompatible changes, breaking additions.</summary>
    public bool BreaksCompatibility => Removed.Count > 0 || Changed.Any(c => !c.IsCompatible) || BreakingAdditions.Count > 0;

    /// <summary>
    /// How an assembly's public API differs from the baseline's, as RPG008/RPG009 and the report's
    /// "since the previous release" both see it: nothing for an assembly whose API is not checked
    /// (a test assembly) or that is new (its whole API is an addition). A baseline written before
    /// entries had descriptions is compared with this release's API in its lines.
    /// </summary>
    public static ApiComparison Between(Baseline baseline, ScannedAssembly assembly)
    {
        // Asked for by several checks and the delta of each release; an assembly whose API changed
        // would otherwise be parsed and indexed again by each.
        if (Compared.TryGetValue(assembly, out var known) && ReferenceEquals(known.Baseline, baseline))
        {
            return known.Comparison;
        }

        var comparison = Compute(baseline, assembly);
        Compared.AddOrUpdate(assembly, new ComparedWith(baseline, comparison));
        return comparison;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ScannedAssembly, ComparedWith> Compared = new();

    private sealed record ComparedWith(Baseline Baseline, ApiComparison Comparison);

    private static ApiComparison Compute(Baseline baseline, ScannedAssembly assembly)
    {
        if (!assembly.PublicApiChecked || !baseline.PublicApi.TryGetValue(assembly.Name, out var before))
        {
            return None;
        }

        return baseline.LegacyPublicApi?.Contains(assembly.Name) == true
            ? CompareLines(before, assembly.LegacyPublicApi ?? assembly.PublicApi)
            : Compare(before, assembly.PublicApi);
    }

    public static ApiComparison Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        // Most assemblies' API is the baseline's line for line: nothing to parse or index.
        if (SameLines(before, after))
        {
            return None;
        }

        var old = Index(before);
        var current = Index(after);
        var added = current.Values.Where(entry => !old.ContainsKey(entry.Identity)).ToList();
        var removed = old.Values.Where(entry => !current.ContainsKey(entry.Identity)).ToList();
        var changed = current.Values
            .Where(entry => old.TryGetValue(entry.Identity, out var earlier) && earlier.Description != entry.Description)
            .Select(entry => new ApiChange(old[entry.Identity], entry))
            .ToList();
        var oldTypes = old.Values.Where(entry => entry.IsType).Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);
        var breaking = added
            .Where(entry => !entry.IsType && entry.DeclaringType is { } type && oldTypes.Contains(type))
            .Where(entry => entry.Tokens.Any(token => token is "abstract" or "required"))
            .ToList();
        return new ApiComparison(added, removed, changed) { BreakingAdditions = breaking };
    }

    /// <summary>Lines of an earlier format, compared as whole lines: added and removed only.</summary>
    public static ApiComparison CompareLines(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var old = new HashSet<string>(before, StringComparer.Ordinal);
        var current = new HashSet<string>(after, StringComparer.Ordinal);
        return new ApiComparison(
            after.Where(line => !old.Contains(line)).Distinct(StringComparer.Ordinal).Select(line => new ApiEntry(line, string.Empty)).ToList(),
            before.Where(line => !current.Contains(line)).Distinct(StringComparer.Ordinal).Select(line => new ApiEntry(line, string.Empty)).ToList(),
            []);
    }

    private static bool SameLines(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.Count != after.Count)
        {
            return false;
        }

        for (var i = 0; i < before.Count; i++)
        {
            if (!string.Equals(before[i], after[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static SortedDictionary<string, ApiEntry> Index(IReadOnlyList<string> lines)
    {
        var index = new SortedDictionary<string, ApiEntry>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var entry = ApiEntry.Parse(line);
            index.TryAdd(entry.Identity, entry);
        }

        return index;
    }
}
