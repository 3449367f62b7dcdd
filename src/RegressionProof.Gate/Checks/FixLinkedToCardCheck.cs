using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>Fix linked to a card: a [Fixes] ID is a card of this release or one the baseline covers.</summary>
internal static class FixLinkedToCardCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        var known = new HashSet<string>(input.Release.Cards.Select(c => c.Id), StringComparer.Ordinal);
        if (input.Baseline is not null)
        {
            known.UnionWith(input.Baseline.Cards);
            known.UnionWith(input.Baseline.Links.Select(l => l.Card));
        }

        foreach (var fix in input.Fixes.Where(f => !known.Contains(f.Card)).GroupBy(f => f.Card).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = fix.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).First();
            yield return new Finding(Policies.FixLinkedToCard.Name, Policies.FixLinkedToCard.RuleId, FindingLevel.Error, fix.Key,
                $"{first.Display} fixes {fix.Key}, which is not a card of release {input.Release.Version}" + (input.Baseline is null ? string.Empty : " nor of the baseline"),
                $"add {fix.Key} to \"cards\" of the release file, or correct the ID in [Fixes]",
                SourceLocation.Of(first));
        }
    }
}
