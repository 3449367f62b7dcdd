using System;
using System.Collections.Generic;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>
/// The names the release file gives the values of its enumerations (docs/schemas/release.v1.schema.json),
/// in the schema's order: read by the release file reader, written back by the reports.
/// </summary>
internal static class WireNames
{
    public static readonly WireEnum<ReleaseClass> Class = new(
        (ReleaseClass.Patch, "patch"), (ReleaseClass.Minor, "minor"), (ReleaseClass.Major, "major"));

    public static readonly WireEnum<ReleaseLane> Lane = new(
        (ReleaseLane.Standard, "standard"), (ReleaseLane.FastPatch, "fast-patch"));

    public static readonly WireEnum<CardReason> Reason = new(
        (CardReason.Regression, "regression"),
        (CardReason.SlaBreach, "sla-breach"),
        (CardReason.Security, "security"),
        (CardReason.CostAnomaly, "cost-anomaly"),
        (CardReason.PerformanceAnomaly, "performance-anomaly"),
        (CardReason.Feature, "feature"));

    public static readonly WireEnum<CardPriority> Priority = new(
        (CardPriority.P0, "P0"), (CardPriority.P1, "P1"), (CardPriority.P2, "P2"), (CardPriority.P3, "P3"), (CardPriority.P4, "P4"));

    public static readonly WireEnum<RollbackMechanism> Mechanism = new(
        (RollbackMechanism.FeatureFlag, "feature-flag"), (RollbackMechanism.HotfixImage, "hotfix-image"));

    public static string Of(ReleaseClass value) => Class.NameOf(value);

    public static string Of(ReleaseLane value) => Lane.NameOf(value);

    public static string Of(CardReason value) => Reason.NameOf(value);

    public static string Of(CardPriority value) => Priority.NameOf(value);

    public static string Of(RollbackMechanism value) => Mechanism.NameOf(value);
}

/// <summary>An enumeration and the names its values have on the wire; every value has exactly one.</summary>
internal sealed class WireEnum<T>
    where T : struct, Enum
{
    private readonly (T Value, string Name)[] _names;

    public WireEnum(params (T Value, string Name)[] names)
    {
        if (names.Length != Enum.GetValues<T>().Length || names.Select(n => n.Value).Distinct().Count() != names.Length)
        {
            throw new ArgumentException($"every value of {typeof(T).Name} needs exactly one wire name", nameof(names));
        }

        _names = names;
    }

    /// <summary>The wire names in the contract's order.</summary>
    public IReadOnlyList<string> Names => _names.Select(n => n.Name).ToList();

    public string NameOf(T value) => _names.First(n => n.Value.Equals(value)).Name;

    public bool TryParse(string name, out T value)
    {
        foreach (var (candidate, wire) in _names)
        {
            if (string.Equals(wire, name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
