using System.Collections.Generic;
using System.Globalization;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// Major: "customer readiness checks". The changelog's customer notice (RPG007) tells customers;
/// the release file records that someone checked they are ready, and when. A check dated after
/// <c>--as-of</c> has not been made yet.
/// </summary>
internal static class CustomerReadinessCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Release.Class != ReleaseClass.Major)
        {
            yield break;
        }

        var policy = Policies.CustomerReadiness;
        if (input.Release.CustomerReadiness is not { } readiness)
        {
            yield return new Finding(policy.Name, policy.RuleId, FindingLevel.Error, null,
                $"major {input.Release.Version} records no customer-readiness check",
                "check that customers are ready (the customer notice reached them, migrations are planned) and record it in the release file: \"customerReadiness\": { \"by\": \"<who>\", \"on\": \"yyyy-MM-dd\" }");
        }
        else if (readiness.On > input.AsOf)
        {
            var on = readiness.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return new Finding(policy.Name, policy.RuleId, FindingLevel.Error, null,
                $"major {input.Release.Version} records its customer-readiness check on {on}, after {input.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (--as-of): it has not been made yet",
                "make the customer-readiness check, then record the day it was made in \"customerReadiness\".\"on\"");
        }
    }
}
