using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// Minor: "doc updates". A minor release adds public API; its users learn of it from the
/// changelog section (each added public type named there) or from the documentation pages the
/// release file records under <c>docs</c>. Without a baseline the added API is not known: then
/// only a recorded docs change verifies it, and otherwise the summary says it was not verified.
/// </summary>
internal static class DocUpdatesCheck
{
    /// <summary>How many types a message lists before "…".</summary>
    private const int Shown = 5;

    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Release.Class != ReleaseClass.Minor || input.Release.Docs.Count > 0)
        {
            yield break;
        }

        var policy = Policies.DocUpdates;
        var version = input.Release.Version;
        const string Fix = "name each added type in the changelog section, or record the documentation pages the release changed in the release file (\"docs\": [\"docs/...\"])";
        if (input.Baseline is null)
        {
            yield return new Finding(policy.Name, policy.RuleId, FindingLevel.Warning, null,
                $"doc updates of minor {version} not verified: without --baseline the public API it adds is not known, and the release file records no docs change",
                "pass the previous release's coverage manifest with --baseline, or " + Fix);
            yield break;
        }

        var unnamed = AddedTypes(input)
            .Where(type => !input.Changelog.Names(version, SimpleName(type)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unnamed.Count > 0)
        {
            yield return new Finding(policy.Name, policy.RuleId, FindingLevel.Error, null,
                $"minor {version} adds {unnamed.Count} public type{(unnamed.Count == 1 ? string.Empty : "s")} that its changelog section does not name and records no docs change: "
                    + string.Join(", ", unnamed.Take(Shown)) + (unnamed.Count > Shown ? ", …" : string.Empty),
                Fix);
        }
    }

    /// <summary>
    /// The full names of the public types this build adds to the product's API: types the
    /// baseline's API of their assembly lacks, and every type of a product assembly the baseline
    /// does not list. Test assemblies are left out, as in RPG008/RPG009.
    /// </summary>
    internal static IEnumerable<string> AddedTypes(GateInput input)
    {
        foreach (var assembly in input.Assemblies.Where(a => a.PublicApiChecked))
        {
            var added = input.Baseline!.PublicApi.ContainsKey(assembly.Name)
                ? ApiCompatibilityCheck.Compare(input.Baseline, assembly).Added
                : assembly.PublicApi.Select(ApiEntry.Parse);
            foreach (var entry in added.Where(e => e.IsType))
            {
                yield return entry.Name;
            }
        }
    }

    /// <summary>
    /// The name a changelog uses for a type: <c>Shop.Cards.GiftCard&lt;T&gt;</c> is <c>GiftCard</c>,
    /// and a nested <c>Shop.Outer&lt;T&gt;.Inner</c> is <c>Inner</c>.
    /// </summary>
    internal static string SimpleName(string fullName)
    {
        var plain = WithoutTypeParameters(fullName);
        return plain[(plain.LastIndexOf('.') + 1)..];
    }

    /// <summary><c>Shop.Outer&lt;T&gt;.Inner&lt;U&gt;</c> is <c>Shop.Outer.Inner</c>, as test results and proofs name classes.</summary>
    internal static string WithoutTypeParameters(string name)
    {
        var plain = new System.Text.StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            depth += c switch { '<' => 1, '>' => -1, _ => 0 };
            if (depth == 0 && c != '>')
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }
}
