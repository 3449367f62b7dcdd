using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>Evidence of issue: every card has at least one http(s) evidence link.</summary>
internal static class EvidenceCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        foreach (var card in input.Release.Cards)
        {
            if (!card.Evidence.Any(IsHttpLink))
            {
                yield return new Finding(Policies.Evidence.Name, Policies.Evidence.RuleId, FindingLevel.Error, card.Id,
                    $"{card.Id} has no http(s) evidence link",
                    $"add the link to the incident, ticket or failing build to \"evidence\" of {card.Id} in the release file");
            }
        }
    }

    public static bool IsHttpLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);
}
