using System;
using System.Collections.Generic;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// A check the gate runs and the rows of the policy table it enforces. Every finding the check
/// emits is of one of <see cref="Enforces"/>, and each row is reported by exactly the checks that
/// declare it: the gate's tests hold both, so a check cannot drift from the table in docs/gate.md.
/// </summary>
internal sealed record GateCheck(Func<GateInput, IEnumerable<Finding>> Check, params IReadOnlyList<Policy> Enforces)
{
    /// <summary>The class the check is written in (<c>EvidenceCheck</c>), to name it in messages.</summary>
    public string Name => Check.Method.DeclaringType?.Name ?? Check.Method.Name;
}
