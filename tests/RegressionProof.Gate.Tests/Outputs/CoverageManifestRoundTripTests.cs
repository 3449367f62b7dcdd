using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>The coverage manifest is written and read back (as the next baseline) through the same records.</summary>
public sealed class CoverageManifestRoundTripTests : IDisposable
{
    private const string Hostile = "##[error] <b>\"q\"</b> \\ é \u001b\n";

    private readonly TempFolder _folder = new();

    [Fact]
    public void A_link_of_every_kind_with_every_property_reads_back_as_written()
    {
        ManifestLink[] links =
        [
            Given.Fix("INTAKE-1") with { Evidence = Hostile },
            Given.Test("INTAKE-1") with { Level = "end-to-end", DeclaredOn = "T:Shop.Tests.PricingTests", Evidence = "e" },
            Given.Test("INTAKE-1", kind: LinkKinds.MigrationTest),
            Given.Probe("INTAKE-1") with { Name = Hostile },
            Given.Link(LinkKinds.RecurrenceAlert, "INTAKE-1", "F:Shop.Alert", "sha256:ee") with { Signal = "policy-denial", Rule = "p95 > 800ms" },
            Given.Link(LinkKinds.DashboardPanel, "INTAKE-1", "F:Shop.Panel", "sha256:ff") with { Baseline = "0.1%", Threshold = "1%", Panel = "Checkout" },
            Given.Manual("INTAKE-1", "2027-01-01") with { Display = Hostile },
        ];
        var input = Given.Input(Given.Release(), links, api: ["M:B | b", "M:A | a"], migrations: ["efcore:1 Shop.Init"]);
        var path = _folder.Write("coverage-manifest.json", CoverageManifestWriter.Write(new GateResult(input, Gatekeeper.Decide(input))));

        var baseline = BaselineReader.Read(path);

        Assert.Equal(links.OrderBy(l => l.Kind, StringComparer.Ordinal), baseline.Links.OrderBy(l => l.Kind, StringComparer.Ordinal));
        Assert.All(baseline.Links, link => Assert.Equal(typeof(ManifestLink), link.GetType()));
        Assert.Equal(["M:A | a", "M:B | b"], baseline.PublicApi["Shop"]);
        Assert.Equal(["efcore:1 Shop.Init"], baseline.Migrations["Shop"]);
        Assert.Empty(baseline.LegacyPublicApi!);
    }

    [Fact]
    public void A_manifest_with_a_finding_about_no_card_and_no_place_reads_back()
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1")]);
        var findings = Gatekeeper.Decide(input).Append(new Finding("patch = zero API/schema change", "RPG008", FindingLevel.Error, null, "M:A was removed", "restore it")).ToList();
        var json = CoverageManifestWriter.Write(new GateResult(input, findings));
        var path = _folder.Write("coverage-manifest.json", json);

        var baseline = BaselineReader.Read(path);

        Assert.Equal(["INTAKE-1"], baseline.Links.Select(l => l.Card));
        Assert.Contains("\"message\": \"M:A was removed\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_link_is_written_with_its_assembly_first()
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1")]);

        using var document = JsonDocument.Parse(CoverageManifestWriter.Write(new GateResult(input, Gatekeeper.Decide(input))));

        var link = Assert.Single(document.RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal(("assembly", "Shop"), (link.EnumerateObject().First().Name, link.EnumerateObject().First().Value.GetString()));
        Assert.Equal(["assembly", "kind", "card", "symbol", "display", "path", "line", "fingerprint"], link.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_large_manifest_reaches_the_file_in_pieces_not_as_one_buffer()
    {
        var links = Enumerable.Range(0, 20_000).Select(i => Given.Fix($"INTAKE-{i}", symbol: $"M:Shop.Pricing.Apply{i}")).ToList();
        var input = Given.Input(Given.Release(), links);
        using var stream = new WriteCountingStream();

        CoverageManifestWriter.WriteTo(stream, new GateResult(input, Gatekeeper.Decide(input)));

        Assert.True(stream.Length > 4_000_000, $"the manifest has {stream.Length} bytes");
        Assert.True(stream.LargestWrite < stream.Length / 10, $"one write of {stream.LargestWrite} of {stream.Length} bytes");
    }

    public void Dispose() => _folder.Dispose();

    private sealed class WriteCountingStream : MemoryStream
    {
        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }
    }
}
