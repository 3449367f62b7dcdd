using System;
using System.Security.Cryptography;

namespace RegressionProof.Gate.Model;

/// <summary>
/// The one way the gate writes a SHA-256: lowercase hex, as the release log, the coverage manifest
/// and the verification summary show it (an in-toto digest set requires lowercase hex).
/// </summary>
internal static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The digest of the bytes appended to <paramref name="hash"/> (a SHA-256), which then starts over.</summary>
    public static string Of(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());
}
