using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// The style sheet and the script of the HTML report (embedded resources beside this file), and
/// the Content-Security-Policy that allows exactly them: a hash of each, not a nonce, so the same
/// inputs still give the same bytes. Neither holds user text, so their hashes never change per run.
/// </summary>
internal static class HtmlAssets
{
    public static readonly string Style = Read("RegressionProof.Gate.ReleaseReport.css");

    public static readonly string Script = Read("RegressionProof.Gate.ReleaseReport.js");

    /// <summary>Nothing may load but the page's own style and script: no network, no other script, no form, no base URL.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; img-src 'none'; base-uri 'none'; form-action 'none'";

    public static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Read(string name)
    {
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from the gate's assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
