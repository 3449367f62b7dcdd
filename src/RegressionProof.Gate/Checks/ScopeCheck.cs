using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// No scope creep (patch) and no additional scope (fast-patch lane): with a baseline, every member
/// of the production assemblies whose code changed, or that was added or removed, is a fix or a
/// proof (the "targeted verification": a probe, an alert) of a card of this release (docs/gate.md,
/// "Scope report"). A patch gets a warning per member that is
/// not, the fast-patch lane an error; minor and major releases print the report as information.
/// </summary>
internal static class ScopeCheck
{
    /// <summary>How many members the summary names before "and N more"; the release log names all.</summary>
    public const int Shown = 10;

    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Release.Class != ReleaseClass.Patch || Report(input) is not { } report)
        {
            yield break;
        }

        var fastPatch = input.Release.Lane == ReleaseLane.FastPatch;
        foreach (var change in report.Unlinked)
        {
            yield return new Finding(Policies.Scope.Name, Policies.Scope.RuleId, fastPatch ? FindingLevel.Error : FindingLevel.Warning, null,
                $"{change.Member} in {change.Assembly} {Verb(change.Kind)} since the baseline, and it is neither a fix nor a proof of a card of this release"
                    + (fastPatch ? ": the fast-patch lane allows no additional scope" : ": a patch allows no scope creep"),
                $"revert the change, or, if it is part of a card's fix, mark the member [Fixes(\"<card>\")] with that card");
        }
    }

    /// <summary>
    /// Each input's report, worked out once: the check, the summary, the release log and the HTML
    /// report all ask for it, and it compares every member hash of the solution.
    /// </summary>
    private static readonly ConditionalWeakTable<GateInput, ScopeReport> Reports = new();

    /// <summary>The scope report, or null without a baseline.</summary>
    public static ScopeReport? Report(GateInput input) =>
        input.Baseline is { } baseline ? Reports.GetValue(input, _ => Compute(input, baseline)) : null;

    private static ScopeReport Compute(GateInput input, Baseline baseline)
    {
        var linked = new LinkedMembers(input.Links.Where(l => input.IsCardOfRelease(l.Card)));
        var changes = 0;
        var unlinked = new List<ScopeChange>();
        var notVerified = new List<string>();
        foreach (var assembly in input.Assemblies.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (assembly.MemberHashes is not { } now)
            {
                continue; // test code
            }

            IReadOnlyDictionary<string, string> before;
            if (baseline.MemberHashes.TryGetValue(assembly.Name, out var hashes))
            {
                before = hashes;
            }
            else if (baseline.PublicApi.ContainsKey(assembly.Name) || baseline.MemberHashes.Count == 0)
            {
                notVerified.Add(assembly.Name); // listed without hashes, or a baseline that has none
                continue;
            }
            else
            {
                before = new Dictionary<string, string>(); // an assembly new since the baseline
            }

            foreach (var (member, kind) in Differences(before, now))
            {
                changes++;
                if (!linked.Contains(member))
                {
                    unlinked.Add(new ScopeChange(assembly.Name, member, kind));
                }
            }
        }

        return new ScopeReport(changes, unlinked, notVerified) { NothingVerified = baseline.MemberHashes.Count == 0 };
    }

    /// <summary>The line the summary, the release log and the HTML report give the scope, or null without a baseline.</summary>
    public static string? Describe(GateInput input)
    {
        if (Report(input) is not { } report)
        {
            return null;
        }

        if (report.NothingVerified)
        {
            return "Scope: not verified (the baseline has no member hashes; a coverage manifest written by this version has them)";
        }

        var text = report.Unlinked.Count == 0
            ? $"Scope: {Members(report.Changes)} changed since the baseline, none outside the cards of this release"
            : $"Scope: {report.Unlinked.Count} of {Members(report.Changes)} changed since the baseline {(report.Unlinked.Count == 1 ? "is" : "are")} outside the cards of this release: "
                + string.Join(", ", report.Unlinked.Take(Shown).Select(c => $"{c.Member} ({Verb(c.Kind)})"))
                + (report.Unlinked.Count > Shown ? $" and {report.Unlinked.Count - Shown} more" : string.Empty);
        return report.NotVerified.Count == 0 ? text : text + $"; not verified for {string.Join(", ", report.NotVerified)} (the baseline has no member hashes for it)";
    }

    public static string Verb(ScopeChangeKind kind) => kind switch
    {
        ScopeChangeKind.Added => "added",
        ScopeChangeKind.Removed => "removed",
        _ => "changed",
    };

    private static string Members(int count) => count == 1 ? "1 member" : $"{count} members";

    private static IEnumerable<(string Member, ScopeChangeKind Kind)> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> now)
    {
        foreach (var (member, hash) in now.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(member, out var earlier))
            {
                yield return (member, ScopeChangeKind.Added);
            }
            else if (!MemberHashes.Unchanged(earlier, hash))
            {
                yield return (member, ScopeChangeKind.Changed);
            }
        }

        foreach (var member in before.Keys.Where(m => !now.ContainsKey(m)).Order(StringComparer.Ordinal))
        {
            yield return (member, ScopeChangeKind.Removed);
        }
    }

    /// <summary>
    /// The members the fixes and proofs of this release's cards put in scope: the member a link names; the
    /// member whose lambda or local function it names (<c>M:A.M#lambda1</c>); every member of a
    /// linked type and of the types nested in it; the constructors of a type with a linked field,
    /// property or event (initializers are compiled into them); the accessor methods of a linked
    /// property (a C# 14 extension property has no property of its own in metadata).
    /// </summary>
    private sealed class LinkedMembers
    {
        private readonly HashSet<string> _members = new(StringComparer.Ordinal);
        private readonly HashSet<string> _types = new(StringComparer.Ordinal);
        private readonly HashSet<string> _typesWithLinkedState = new(StringComparer.Ordinal);

        public LinkedMembers(IEnumerable<ManifestLink> links)
        {
            foreach (var symbol in links.Select(f => f.Symbol).Distinct(StringComparer.Ordinal))
            {
                _members.Add(symbol);
                for (var hash = symbol.IndexOf('#', StringComparison.Ordinal); hash > 0; hash = symbol.IndexOf('#', hash + 1))
                {
                    _members.Add(symbol[..hash]);
                }

                if (symbol.StartsWith("T:", StringComparison.Ordinal))
                {
                    _types.Add(symbol[2..]);
                }
                else if (symbol.Length > 2 && symbol[0] is 'F' or 'P' or 'E' && symbol[1] == ':')
                {
                    _typesWithLinkedState.Add(Split(symbol).Type);
                }
            }
        }

        public bool Contains(string member)
        {
            if (_members.Contains(member))
            {
                return true;
            }

            var (type, name, parameters) = Split(member);
            for (var outer = type; outer.Length > 0; outer = outer[..Math.Max(0, outer.LastIndexOf('.'))])
            {
                if (_types.Contains(outer))
                {
                    return true;
                }
            }

            if (name is "#ctor" or "#cctor" && _typesWithLinkedState.Contains(type))
            {
                return true;
            }

            return member.StartsWith("M:", StringComparison.Ordinal) && name.Length > 4 && name[3] == '_' && name[..3] is "get" or "set"
                && _members.Contains($"P:{type}.{name[4..]}{(name[..3] == "get" ? parameters : WithoutLast(parameters))}");
        }

        /// <summary>A member ID's type, name and parameter list: <c>M:N.T.M(System.Int32)</c> is <c>N.T</c>, <c>M</c>, <c>(System.Int32)</c>.</summary>
        private static (string Type, string Name, string Parameters) Split(string id)
        {
            var body = id[2..];
            var open = body.IndexOf('(', StringComparison.Ordinal);
            var signatureStart = open < 0 ? body.Length : open;
            var dot = body.LastIndexOf('.', signatureStart - 1 < 0 ? 0 : signatureStart - 1);
            return dot < 0 ? (string.Empty, body[..signatureStart], body[signatureStart..]) : (body[..dot], body[(dot + 1)..signatureStart], body[signatureStart..]);
        }

        /// <summary>A setter's parameters without its value: <c>(A,B)</c> is <c>(A)</c>, <c>(B)</c> is nothing.</summary>
        private static string WithoutLast(string parameters)
        {
            var depth = 0;
            for (var i = parameters.Length - 2; i > 0; i--)
            {
                switch (parameters[i])
                {
                    case '}' or ']' or ')':
                        depth++;
                        break;
                    case '{' or '[' or '(':
                        depth--;
                        break;
                    case ',' when depth == 0:
                        return parameters[..i] + ")";
                }
            }

            return string.Empty;
        }
    }
}
