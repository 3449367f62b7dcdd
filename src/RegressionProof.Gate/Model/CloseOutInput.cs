using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>
/// What close-out decides on, after the deploy: the release file with its post-deploy record, the
/// coverage manifest the gate wrote for the release (which probes each card had), the deployed
/// build's assemblies, and the moment of the close-out.
/// </summary>
internal sealed class CloseOutInput
{
    public CloseOutInput(ReleaseFile release, Baseline manifest, IReadOnlyList<ScannedAssembly> deployed, DateTimeOffset asOf)
    {
        Release = release;
        Manifest = manifest;
        Deployed = deployed;
        AsOf = asOf;
        _deployedLinks = deployed.SelectMany(a => a.Links).Select(Key).ToHashSet();
        _probesByCard = manifest.Links.Where(l => IsProbe(l.Kind)).ToLookup(l => l.Card, StringComparer.Ordinal);
    }

    private readonly HashSet<(string Kind, string Card, string Symbol)> _deployedLinks;
    private readonly ILookup<string, ManifestLink> _probesByCard;

    public ReleaseFile Release { get; }

    public Baseline Manifest { get; }

    public IReadOnlyList<ScannedAssembly> Deployed { get; }

    public DateTimeOffset AsOf { get; }

    /// <summary>The probes, alerts and dashboard panels the gate found for a card: what watches production for it.</summary>
    public IEnumerable<ManifestLink> ProbesOf(string card) => _probesByCard[card];

    /// <summary>Whether a probe is still in the deployed build: the same kind, card and member.</summary>
    public bool IsDeployed(ManifestLink probe) => _deployedLinks.Contains(Key(probe));

    public static bool IsProbe(string kind) => kind is LinkKinds.SyntheticProbe or LinkKinds.RecurrenceAlert or LinkKinds.DashboardPanel;

    private static (string Kind, string Card, string Symbol) Key(ManifestLink link) => (link.Kind, link.Card, link.Symbol);
}
