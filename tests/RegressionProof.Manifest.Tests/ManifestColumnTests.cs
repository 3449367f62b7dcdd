using System;
using Xunit;

namespace RegressionProof.Manifest.Tests;

/// <summary>
/// <c>links[].column</c> (docs/manifest.md): the 1-based column of the attribute, optional so that
/// manifests written before the generator recorded it still read; a value that is not a whole
/// number from 1 is an error at the value, like any other malformed property.
/// </summary>
public sealed class ManifestColumnTests
{
    private static string Manifest(string column) =>
        "{\"schema\":\"regression-proof/manifest/v1\",\n\"assembly\":\"A\",\"links\":[{\"kind\":\"fixes\",\"card\":\"A-1\",\"symbol\":\"M:A.M\",\"display\":\"A.M()\",\"path\":\"src/A.cs\",\"line\":3"
        + column + ",\"fingerprint\":\"sha256:aa\"}]}";

    [Fact]
    public void A_link_reads_its_column()
    {
        var link = Assert.Single(ManifestJson.Parse(Manifest(",\"column\":6"), "Shop.dll").Links);

        Assert.Equal((3, 6), (link.Line, link.Column));
    }

    [Fact]
    public void A_link_of_a_manifest_written_before_columns_reads_without_one()
    {
        var link = Assert.Single(ManifestJson.Parse(Manifest(string.Empty), "Shop.dll").Links);

        Assert.Equal((3, (int?)null), (link.Line, link.Column));
    }

    [Fact]
    public void A_column_is_written_after_the_line_and_left_out_when_there_is_none()
    {
        var withColumn = ManifestJson.Serialize(ManifestJson.Parse(Manifest(",\"column\":6"), "Shop.dll"));
        var without = ManifestJson.Serialize(ManifestJson.Parse(Manifest(string.Empty), "Shop.dll"));

        Assert.Contains("\"line\":3,\"column\":6,", withColumn, StringComparison.Ordinal);
        Assert.DoesNotContain("column", without, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "links[0].column is 0; expected a whole number from 1")]
    [InlineData("-6", "links[0].column is -6; expected a whole number from 1")]
    [InlineData("6.5", "links[0].column is a number; expected a whole number")]
    [InlineData("1e12", "links[0].column is a number; expected a whole number")]
    [InlineData("\"6\"", "links[0].column is a string; expected a whole number")]
    [InlineData("true", "links[0].column is true; expected a whole number")]
    public void A_column_that_is_not_a_whole_number_from_1_is_an_error_at_the_value(string column, string reason)
    {
        var json = Manifest(",\"column\":" + column);

        var error = Assert.Throws<ManifestFormatException>(() => ManifestJson.Parse(json, "Shop.dll"));

        var at = json.IndexOf("\"column\":", StringComparison.Ordinal) + "\"column\":".Length;
        var lineStart = json.LastIndexOf('\n', at) + 1;
        Assert.Equal(("the manifest JSON is corrupt: " + reason, 2, at - lineStart + 1), (error.Reason, error.Line, error.Column));
    }
}
