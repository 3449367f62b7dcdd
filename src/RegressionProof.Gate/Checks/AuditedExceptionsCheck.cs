using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>How an exception of the release file stands on the day the gate decides.</summary>
internal enum ExceptionStanding
{
    /// <summary>Approved and not expired: it waives the findings it matches.</summary>
    Applies,

    /// <summary>Its expiry day is before <c>--as-of</c>: it counts for nothing.</summary>
    Expired,

    /// <summary>No governance approver: it counts for nothing.</summary>
    NoApprover,
}

/// <summary>
/// Audited exceptions ("No bypassing CI; emergency exceptions require post-incident RCA and
/// governance approval"): an exception that applies turns each finding it matches into a waiver
/// that every output shows; one that does not apply, or matches nothing, is a warning; an RCA
/// overdue fails the release that carries the exception's card.
/// </summary>
internal static class AuditedExceptionsCheck
{
    public static ExceptionStanding Standing(ReleaseException exception, DateOnly asOf) =>
        exception.Approver is null ? ExceptionStanding.NoApprover
        : exception.Expires < asOf ? ExceptionStanding.Expired
        : ExceptionStanding.Applies;

    /// <summary>An exception matches a finding of its rule, and of its card when it names one. Its own row is never waived.</summary>
    public static bool Matches(ReleaseException exception, Finding finding) =>
        finding.RuleId == exception.Check
        && finding.RuleId != Policies.AuditedExceptions.RuleId
        && (exception.Card is null || string.Equals(exception.Card, finding.Card, StringComparison.Ordinal));

    /// <summary>The RCA is overdue when it has no link and its due day is before <c>--as-of</c>.</summary>
    public static bool RcaOverdue(ReleaseException exception, DateOnly asOf) => exception.Rca is null && exception.RcaDue < asOf;

    /// <summary><paramref name="findings"/> with the waivers applied, then this row's own findings.</summary>
    public static IReadOnlyList<Finding> Apply(GateInput input, IReadOnlyList<Finding> findings)
    {
        var exceptions = input.Release.Exceptions;
        if (exceptions.Count == 0)
        {
            return findings;
        }

        var applying = exceptions.Where(e => Standing(e, input.AsOf) == ExceptionStanding.Applies).ToList();
        var used = new HashSet<ReleaseException>();
        var result = new List<Finding>(findings.Count + exceptions.Count);
        foreach (var finding in findings)
        {
            // The first exception listed that matches is the one recorded.
            var waiver = applying.FirstOrDefault(e => Matches(e, finding));
            if (waiver is not null)
            {
                used.Add(waiver);
                result.Add(finding with { WaivedBy = waiver });
            }
            else
            {
                result.Add(finding);
            }
        }

        foreach (var exception in exceptions)
        {
            var name = Name(exception);
            var standing = Standing(exception, input.AsOf);
            if (standing == ExceptionStanding.NoApprover)
            {
                result.Add(Warning(exception, $"{name} counts for nothing: it has no governance approver", $"set \"approver\" of exceptions[{exception.Index}] to the governance approver, or remove the exception"));
            }
            else if (standing == ExceptionStanding.Expired)
            {
                result.Add(Warning(exception, $"{name} counts for nothing: it expired on {Day(exception.Expires)}", $"remove exceptions[{exception.Index}], or renew it with a new approval"));
            }
            else if (exception.Check == Policies.AuditedExceptions.RuleId)
            {
                result.Add(Warning(exception, $"{name} waives nothing: an overdue RCA or an exception that does not apply cannot be waived", $"remove exceptions[{exception.Index}]"));
            }
            else if (!used.Contains(exception))
            {
                result.Add(Warning(exception, $"{name} is stale: it matches no finding of this release", $"remove exceptions[{exception.Index}]"));
            }

            if (RcaOverdue(exception, input.AsOf) && (exception.Card is null || input.IsCardOfRelease(exception.Card)))
            {
                result.Add(new Finding(Policies.AuditedExceptions.Name, Policies.AuditedExceptions.RuleId, FindingLevel.Error, exception.Card,
                    $"the post-incident RCA of {name} was due on {Day(exception.RcaDue!.Value)} and has no link",
                    $"write the RCA and set \"rca\" of exceptions[{exception.Index}] to its link"));
            }
        }

        return result;
    }

    /// <summary>"the exception to RPG003 for INTAKE-1 (exceptions[0])".</summary>
    public static string Name(ReleaseException exception) =>
        $"the exception to {exception.Check}{(exception.Card is null ? string.Empty : " for " + exception.Card)} (exceptions[{exception.Index}])";

    /// <summary>How a waived finding is told after "Waived": by whom, until when, why, and its RCA.</summary>
    public static string Waived(ReleaseException exception) =>
        $"by {exception.Approver} until {Day(exception.Expires)}: {exception.Reason}; RCA {(exception.Rca is { } rca ? rca : "due " + Day(exception.RcaDue!.Value))}";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Finding Warning(ReleaseException exception, string message, string fix) =>
        new(Policies.AuditedExceptions.Name, Policies.AuditedExceptions.RuleId, FindingLevel.Warning, exception.Card, message, fix);
}
