using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>Changelog: every card in this version's section (or Unreleased); major: a customer notice.</summary>
internal static class ChangelogCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        var version = input.Release.Version;
        var sections = input.Changelog.SectionsFor(version);
        if (!input.Changelog.HasSection(version))
        {
            yield return new Finding(Policies.Changelog.Name, Policies.Changelog.RuleId, FindingLevel.Error, null,
                $"{input.Changelog.Path} has no section for {version} (\"## [{version}]\") nor \"## [Unreleased]\"",
                $"add a \"## [{version}]\" section naming every card of the release");
        }

        var named = IdMentions.Find(sections, input.Release.Cards.Select(c => c.Id));
        foreach (var card in input.Release.Cards)
        {
            if (!named.Contains(card.Id))
            {
                yield return new Finding(Policies.Changelog.Name, Policies.Changelog.RuleId, FindingLevel.Error, card.Id,
                    $"{card.Id} is not in the changelog section of {version}",
                    $"add an entry for {card.Id} under \"## [{version}]\" in {input.Changelog.Path}");
            }
        }

        if (input.Release.Class == ReleaseClass.Major && !input.Changelog.HasCustomerNotice(version))
        {
            yield return new Finding(Policies.Changelog.Name, Policies.Changelog.RuleId, FindingLevel.Error, null,
                $"the major release {version} has no customer notice in the changelog",
                $"add a \"### Customer notice\" heading to the {version} section");
        }
    }
}
