using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary><c>regression-proof.sarif</c>: the findings as SARIF 2.1.0, located at the fixes and proofs they concern.</summary>
internal static class SarifWriter
{
    public static string Write(GateResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "verify-regression-safety");
            json.WriteString("informationUri", "https://github.com/regressionproof/regressionproof/blob/main/docs/gate.md");
            json.WriteString("semanticVersion", typeof(SarifWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteStartArray("rules");
            foreach (var policy in Policies.All)
            {
                json.WriteStartObject();
                json.WriteString("id", policy.RuleId);
                json.WriteString("name", ToPascal(policy.Name));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", policy.Name);
                json.WriteEndObject();
                json.WriteStartObject("fullDescription");
                json.WriteString("text", policy.Reason);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteNumber("ruleIndex", RuleIndex(finding.RuleId));
                json.WriteString("level", finding.Level == FindingLevel.Error ? "error" : "warning");
                json.WriteStartObject("message");
                json.WriteString("text", $"{finding.Message}. Fix: {finding.Fix}.");
                json.WriteEndObject();
                if (ReportLocation.Of(finding) is { } location)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", Uri.EscapeDataString(location.Path).Replace("%2F", "/", StringComparison.Ordinal));
                    json.WriteString("uriBaseId", "SRCROOT");
                    json.WriteEndObject();
                    if (location.Line is { } line)
                    {
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", line);
                        if (location.Column is { } column)
                        {
                            json.WriteNumber("startColumn", column);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                // A waived finding stays in the log, suppressed as SARIF viewers and GitHub code
                // scanning understand it: by whom and why are on the suppression.
                if (finding.WaivedBy is { } waiver)
                {
                    json.WriteStartArray("suppressions");
                    json.WriteStartObject();
                    json.WriteString("kind", "external");
                    json.WriteString("status", "accepted");
                    json.WriteString("justification", waiver.Reason);
                    json.WriteStartObject("properties");
                    json.WriteString("approver", waiver.Approver);
                    json.WriteString("expires", AuditedExceptionsCheck.Day(waiver.Expires));
                    if (waiver.Rca is not null)
                    {
                        json.WriteString("rca", waiver.Rca);
                    }

                    if (waiver.RcaDue is { } due)
                    {
                        json.WriteString("rcaDue", AuditedExceptionsCheck.Day(due));
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                if (finding.Card is not null)
                {
                    json.WriteStartObject("properties");
                    json.WriteString("card", finding.Card);
                    json.WriteString("policy", finding.Policy);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length) + "\n";
    }

    private static int RuleIndex(string ruleId)
    {
        for (var i = 0; i < Policies.All.Count; i++)
        {
            if (Policies.All[i].RuleId == ruleId)
            {
                return i;
            }
        }

        return -1;
    }

    private static string ToPascal(string name) =>
        string.Concat(name.Split([' ', '+', '=', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
