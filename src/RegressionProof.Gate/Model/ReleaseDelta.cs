using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>
/// What changed since the previous release (the baseline), as the reports' "since the previous
/// release" sections show it: cards added and retired, proofs added and removed, the public API of
/// each assembly, and the suspect proofs (RPG013). Worked out once per run and shared by the writers.
/// </summary>
/// <param name="CardsAdded">Cards of this release that the baseline did not list, in the release file's order.</param>
/// <param name="CardsRetired">Cards the release file retires that the baseline's did not already retire.</param>
/// <param name="ProofsAdded">Proofs that the baseline did not have (by kind, card and symbol, as RPG012 matches them).</param>
/// <param name="ProofsRemoved">Proofs of the baseline that are gone, retired cards' included.</param>
/// <param name="Api">The assemblies whose public API changed, by name.</param>
/// <param name="AssembliesAdded">Assemblies the baseline did not have (their API is new as a whole, not compared).</param>
/// <param name="AssembliesRemoved">Assemblies of the baseline that this release no longer has.</param>
/// <param name="SuspectProofs">The RPG013 findings: fixes that changed while their proofs did not.</param>
internal sealed record ReleaseDelta(
    string? BaselineVersion,
    IReadOnlyList<Card> CardsAdded,
    IReadOnlyList<string> CardsRetired,
    IReadOnlyList<ManifestLink> ProofsAdded,
    IReadOnlyList<ManifestLink> ProofsRemoved,
    IReadOnlyList<AssemblyApiDelta> Api,
    IReadOnlyList<string> AssembliesAdded,
    IReadOnlyList<string> AssembliesRemoved,
    IReadOnlyList<Finding> SuspectProofs)
{
    public bool IsEmpty =>
        CardsAdded.Count == 0 && CardsRetired.Count == 0 && ProofsAdded.Count == 0 && ProofsRemoved.Count == 0
        && Api.Count == 0 && AssembliesAdded.Count == 0 && AssembliesRemoved.Count == 0 && SuspectProofs.Count == 0;

    /// <param name="suspectProofs">The suspect-proof check's findings (the checks decide; this only lists).</param>
    public static ReleaseDelta Of(GateInput input, Baseline baseline, IEnumerable<Finding> suspectProofs)
    {
        var earlierCards = baseline.Cards.ToHashSet(StringComparer.Ordinal);
        var earlierRetired = baseline.Retired.ToHashSet(StringComparer.Ordinal);
        var proofsNow = Proofs(input.Links);
        var proofsThen = Proofs(baseline.Links);
        var assembliesNow = input.Assemblies.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return new ReleaseDelta(
            baseline.Version,
            input.Release.Cards.Where(card => !earlierCards.Contains(card.Id)).DistinctBy(card => card.Id, StringComparer.Ordinal).ToList(),
            input.Release.Retired.Where(card => !earlierRetired.Contains(card)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Missing(proofsNow, proofsThen),
            Missing(proofsThen, proofsNow),
            input.Assemblies
                .OrderBy(assembly => assembly.Name, StringComparer.Ordinal)
                .Select(assembly => new AssemblyApiDelta(assembly.Name, ApiComparison.Between(baseline, assembly)))
                .Where(delta => !delta.Comparison.IsEmpty)
                .ToList(),
            assembliesNow.Where(name => !baseline.PublicApi.ContainsKey(name)).Order(StringComparer.Ordinal).ToList(),
            baseline.PublicApi.Keys.Where(name => !assembliesNow.Contains(name)).Order(StringComparer.Ordinal).ToList(),
            suspectProofs.ToList());
    }

    /// <summary>The proofs of <paramref name="links"/> by kind, card and symbol (a proof in several assemblies counts once).</summary>
    private static Dictionary<(string Kind, string Card, string Symbol), ManifestLink> Proofs(IEnumerable<ManifestLink> links)
    {
        var proofs = new Dictionary<(string, string, string), ManifestLink>();
        foreach (var link in links.Where(link => LinkKinds.IsProof(link.Kind)))
        {
            proofs.TryAdd((link.Kind, link.Card, link.Symbol), link);
        }

        return proofs;
    }

    /// <summary>The proofs of <paramref name="these"/> that <paramref name="others"/> lacks, by card, kind and name.</summary>
    private static IReadOnlyList<ManifestLink> Missing(
        Dictionary<(string Kind, string Card, string Symbol), ManifestLink> these,
        Dictionary<(string Kind, string Card, string Symbol), ManifestLink> others) =>
        these.Where(pair => !others.ContainsKey(pair.Key))
            .Select(pair => pair.Value)
            .OrderBy(proof => proof.Card, StringComparer.Ordinal)
            .ThenBy(proof => proof.Kind, StringComparer.Ordinal)
            .ThenBy(proof => proof.Symbol, StringComparer.Ordinal)
            .ToList();
}
