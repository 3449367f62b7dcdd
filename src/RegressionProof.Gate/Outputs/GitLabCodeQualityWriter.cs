using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// A GitLab Code Quality report (<c>--format gitlab</c>): a JSON array of issues with
/// <c>description</c>, <c>check_name</c>, <c>fingerprint</c>, <c>severity</c> and
/// <c>location</c>. GitLab shows one issue per fingerprint and compares them between the merge
/// request and its target, so a fingerprint is the same on every run and unique in the report: the
/// SHA-256 of rule, card and place, with a count added when one place has the same rule twice.
/// </summary>
internal static class GitLabCodeQualityWriter
{
    public static string Write(GateResult result)
    {
        // GitLab needs a path for every issue; a finding with none is about the release itself.
        var releaseFile = ReportLocation.IsInsideRepository(result.Input.Release.Path) ? result.Input.Release.Path : "release.json";
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ReportJson.WriterOptions))
        {
            json.WriteStartArray();
            foreach (var finding in result.Findings)
            {
                var location = ReportLocation.Of(finding);
                var path = location?.Path ?? releaseFile;
                var line = location?.Line ?? 1;
                var key = string.Join('\0', finding.RuleId, finding.Card ?? string.Empty, path, line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
                json.WriteStartObject();
                json.WriteString("description", Text.Printable($"{finding.Message}. Fix: {finding.Fix}."));
                json.WriteString("check_name", finding.RuleId);
                json.WriteString("fingerprint", Fingerprint(occurrence == 1 ? key : key + "\0" + occurrence));
                json.WriteString("severity", finding.Level == FindingLevel.Error ? "blocker" : "minor");
                json.WriteStartObject("location");
                json.WriteString("path", path);
                json.WriteStartObject("lines");
                json.WriteNumber("begin", line);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length) + "\n";
    }

    private static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
