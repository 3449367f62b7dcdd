namespace RegressionProof.Gate.Model;

/// <summary>An assembly whose public API differs from the baseline's, compared as RPG008/RPG009 compare it.</summary>
internal sealed record AssemblyApiDelta(string Assembly, ApiComparison Comparison);
