using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Api;

/// <summary>
/// A baseline written by an earlier version lists the API in lines without descriptions: it is
/// compared with the same lines of this release, never with the new entries.
/// </summary>
public sealed class EarlierBaselineTests : System.IDisposable
{
    private const string Before = "namespace Shop; public class Basket { public virtual decimal Total() => 0; } public class Cart : Basket { public override decimal Total() => 1; }";
    private static readonly IReadOnlyList<ManifestLink> Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_description_change_against_an_earlier_baseline_is_no_change()
    {
        var after = Before.Replace("public override decimal Total() => 1;", "public sealed override decimal Total() => 1;", System.StringComparison.Ordinal);

        Assert.Empty(Check(ReleaseClass.Patch, after));
    }

    [Fact]
    public void Additions_and_removals_against_an_earlier_baseline_are_reported_in_its_lines()
    {
        var after = Before.Replace("public class Cart : Basket {", "public class Cart : Basket { public void Clear() { }", System.StringComparison.Ordinal);

        var finding = Assert.Single(Check(ReleaseClass.Patch, after));

        Assert.Equal("patch 2.4.1 changes the public API of Shop: 1 added (Shop.Cart.Clear() : Void)", finding.Message);
    }

    [Fact]
    public void A_baseline_written_by_this_version_marks_its_format_and_is_compared_by_entries()
    {
        var release = Given.Release(ReleaseClass.Minor);
        var input = Given.Input(release, Proven, api: ApiLibrary.Api(Before));
        var path = _folder.Write("coverage-manifest.json", CoverageManifestWriter.Write(new GateResult(input, Gatekeeper.Decide(input))));
        var assembly = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("assemblies")[0];

        var baseline = BaselineReader.Read(path);

        Assert.Equal((2, true), (assembly.GetProperty("publicApiFormat").GetInt32(), assembly.GetProperty("publicApiChecked").GetBoolean()));
        Assert.Empty(baseline.LegacyPublicApi!);
        Assert.Equal(input.Assemblies[0].PublicApi, baseline.PublicApi["Shop"]);
    }

    [Fact]
    public void The_earlier_lines_are_read_only_when_a_baseline_of_an_earlier_version_needs_them()
    {
        var manifest = """{"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[]}""";
        var path = _folder.WriteBytes("Shop.dll", ApiLibrary.Compile(TestAssemblies.WithManifest(manifest) + "\n" + Before));

        var withEarlier = Assert.Single(AssemblyScanner.Scan([path], _folder.Path, withEarlierApiFormat: true));
        var without = Assert.Single(AssemblyScanner.Scan([path], _folder.Path, withEarlierApiFormat: false));

        Assert.Equal(ApiLibrary.LegacyApi(Before), withEarlier.LegacyPublicApi);
        Assert.Null(without.LegacyPublicApi);
        Assert.Equal(withEarlier.PublicApi, without.PublicApi);
    }

    private List<Finding> Check(ReleaseClass releaseClass, string after)
    {
        var earlier = string.Join(",\n", ApiLibrary.LegacyApi(Before).Select(line => JsonSerializer.Serialize(line)));
        var path = _folder.Write("coverage-manifest.json", $$"""
            { "schema": "regression-proof/coverage/v1", "release": { "version": "2.4.0" }, "cards": [ { "id": "INTAKE-1" } ],
              "assemblies": [ { "name": "Shop", "files": [], "publicApi": [ {{earlier}} ], "migrations": [] } ], "links": [] }
            """);
        var baseline = BaselineReader.Read(path);
        var release = Given.Release(releaseClass);
        var input = Given.Input(release, Proven, baseline: baseline);
        var assembly = input.Assemblies[0] with { PublicApi = ApiLibrary.Api(after), LegacyPublicApi = ApiLibrary.LegacyApi(after) };
        return ApiCompatibilityCheck.Check(new GateInput(input.Release, input.Changelog, [assembly], null, baseline, Given.Today)).ToList();
    }

    public void Dispose() => _folder.Dispose();
}
