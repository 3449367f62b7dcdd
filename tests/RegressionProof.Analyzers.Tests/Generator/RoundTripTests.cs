using System.IO;
using System.Linq;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>What the generator embeds in a real assembly file is what the gate's reader gets back.</summary>
public sealed class RoundTripTests : System.IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regression-proof-roundtrip-").FullName;

    [Fact]
    public void The_reader_returns_the_generated_manifest_from_the_built_assembly()
    {
        var compilation = GeneratorHarness.Compilation(
        [
            ("/repo/src/Shop/Pricing/DiscountCalculator.cs", Samples.Pricing),
            ("/repo/src/Shop/Monitoring/CheckoutMonitoring.cs", Samples.Monitoring),
            ("/repo/tests/Shop.Tests/DiscountTests.cs", Samples.Tests),
        ]);
        var expected = GeneratorHarness.Parse(GeneratorHarness.ManifestJson(compilation)!);

        var assembly = GeneratorHarness.EmitWithGenerator(compilation, _folder);
        var actual = AssemblyManifestReader.Read(assembly);

        Assert.NotNull(actual);
        Assert.Equal(expected.Assembly, actual!.Assembly);
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(10, actual.Links.Count);
    }

    [Fact]
    public void Unpaired_surrogates_in_every_string_argument_reach_the_reader_as_replacement_characters()
    {
        // A C# string may hold half a surrogate pair; UTF-8, and so every JSON reader, cannot.
        const string source = """
            using RegressionProof;

            public class Shop
            {
                [Fixes("A-1\ud83d", Evidence = "e\ud83d")]
                [SyntheticProbe("A-1\ud83d", Signal = RecurrenceSignal.Error, Name = "n\ude00")]
                [RecurrenceAlert("A-1\ud83d", Signal = RecurrenceSignal.Cost, Rule = "\ude00r\ud83d")]
                [DashboardPanel("A-1\ud83d", Baseline = "b\ud83d", Threshold = "t\ud83d", Panel = "p\ud83d")]
                [ManualVerification("A-1\ud83d", Steps = "s\ud83d\ud83d", RecordedOn = "2026-11-20\ud83d", AutomateBy = "2026-12-01\ud83d")]
                public void Pay() { }

                [Fixes("B-2", Evidence = "pair \ud83d\ude00 kept")]
                public void Refund() { }
            }
            """;
        var compilation = GeneratorHarness.Compilation([("/repo/src/Shop/Shop.cs", source)]);
        var json = GeneratorHarness.ManifestJson(compilation)!;

        var fromJson = GeneratorHarness.Parse(json);
        var fromAssembly = AssemblyManifestReader.Read(GeneratorHarness.EmitWithGenerator(compilation, _folder))!;

        Assert.Equal(fromJson.Links, fromAssembly.Links);
        var links = fromAssembly.Links.Where(l => l.Card == "A-1\uFFFD").ToDictionary(l => l.Kind);
        Assert.Equal(5, links.Count);
        Assert.Equal("e\uFFFD", links["fixes"].Evidence);
        Assert.Equal("n\uFFFD", links["synthetic-probe"].Name);
        Assert.Equal("\uFFFDr\uFFFD", links["recurrence-alert"].Rule);
        Assert.Equal(("b\uFFFD", "t\uFFFD", "p\uFFFD"), (links["dashboard-panel"].Baseline, links["dashboard-panel"].Threshold, links["dashboard-panel"].Panel));
        var manual = links["manual-verification"];
        Assert.Equal(("s\uFFFD\uFFFD", "2026-11-20\uFFFD", "2026-12-01\uFFFD"), (manual.Steps, manual.RecordedOn, manual.AutomateBy));
        Assert.Equal("pair \U0001F600 kept", Assert.Single(fromAssembly.Links, l => l.Card == "B-2").Evidence);
    }

    [Fact]
    public void An_assembly_built_without_the_attributes_has_no_manifest()
    {
        var compilation = GeneratorHarness.Compilation([("/repo/A.cs", "public class A { }")], "Plain", withAttributes: false);

        Assert.Null(AssemblyManifestReader.Read(GeneratorHarness.EmitWithGenerator(compilation, _folder)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
