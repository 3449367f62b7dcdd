using System;
using System.Linq;
using RegressionProof.Gate.Inputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

public sealed class BaselineReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("{ \"schema\": \"regression-proof/coverage/v1\", \"links\": [", "the baseline is not valid")]
    [InlineData("{ \"links\": [] }", "is not a coverage manifest (it has no \"schema\")")]
    [InlineData("{ \"schema\": \"regression-proof/coverage/v7\" }", "has the schema 'regression-proof/coverage/v7'; this version reads 'regression-proof/coverage/v1'")]
    [InlineData("{ \"schema\": \"regression-proof/coverage/v1\", \"links\": [ { \"kind\": \"fixes\" } ] }", "the baseline is not valid")]
    [InlineData("[]", "the baseline is not valid")]
    [InlineData("", "the baseline is not valid")]
    public void A_malformed_baseline_is_a_clear_error(string json, string reason)
    {
        var path = _folder.Write("coverage-manifest.json", json);

        var error = Assert.Throws<InputException>(() => BaselineReader.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_with_a_byte_order_mark_and_unknown_properties_is_read()
    {
        var path = _folder.WriteBytes("coverage-manifest.json", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("""
            { "schema": "regression-proof/coverage/v1", "future": 1, "release": { "version": "1.0.0" }, "cards": [ { "id": "A-1" } ],
              "assemblies": [ { "name": "Shop", "files": [], "publicApi": ["M:A"], "migrations": [] } ], "links": [] }
            """)]);

        var baseline = BaselineReader.Read(path);

        Assert.Equal(("1.0.0", "A-1", "M:A"), (baseline.Version, baseline.Cards[0], baseline.PublicApi["Shop"][0]));
    }

    [Fact]
    public void The_baseline_keeps_the_sha256_of_each_assembly_s_files_to_tell_an_unchanged_assembly()
    {
        var path = _folder.Write("coverage-manifest.json", $$"""
            { "schema": "regression-proof/coverage/v1",
              "assemblies": [ { "name": "Shop", "files": [ { "path": "net8.0/Shop.dll", "sha256": "{{new string('a', 64)}}" }, { "path": "net9.0/Shop.dll", "sha256": "{{new string('b', 64)}}" } ] },
                              { "name": "Shop.Tests" } ] }
            """);

        var baseline = BaselineReader.Read(path);

        Assert.Equal([new string('a', 64), new string('b', 64)], baseline.FileHashes["Shop"].Order());
        Assert.Empty(baseline.FileHashes["Shop.Tests"]);
    }

    [Theory]
    [InlineData("\"findings\": [ 1 ]", "findings[0] is a number", 2, 15)]
    [InlineData("\"retired\": \"A-1\"", "retired is a string", 2, 12)]
    [InlineData("\"retired\": [ null ]", "retired[0] is null", 2, 14)]
    [InlineData("\"assemblies\": [ { \"name\": \"Shop\", \"files\": [ { \"path\": \"a.dll\" } ] } ]", "assemblies[0].files[0] lacks \"sha256\"", 2, 46)]
    [InlineData("\"assemblies\": [ { \"name\": \"Shop\", \"memberHashes\": { \"M:A\": 1 } } ]", "assemblies[0].memberHashes.M:A is a number", 2, 60)]
    [InlineData("\"assemblies\": [ { \"name\": \"Shop\", \"memberHashes\": { \"M:A\": null } } ]", "the hash of M:A in assemblies[0].memberHashes is null", 2, 51)]
    public void Every_part_of_a_baseline_is_read_through_the_coverage_manifests_records(string part, string reason, int line, int column)
    {
        // The records the gate writes the manifest with read it back whole: a part the checks do not
        // use is still held to its shape, with its position.
        var path = _folder.Write("coverage-manifest.json", "{ \"schema\": \"regression-proof/coverage/v1\",\n" + part + " }");

        var error = Assert.Throws<InputException>(() => BaselineReader.Read(path));

        Assert.Equal($"{path}({line},{column}): the baseline is not valid: {reason}", error.Message.Split("; expected")[0]);
    }

    public void Dispose() => _folder.Dispose();
}
