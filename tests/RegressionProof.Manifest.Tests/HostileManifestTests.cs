using System;
using System.Text;
using Xunit;

namespace RegressionProof.Manifest.Tests;

/// <summary>
/// Hand-written manifests that try to break the reader (issue 11): each is a
/// <see cref="ManifestFormatException"/> saying what was expected, at the line and column of the
/// offending value, never a model with nulls in it nor another exception.
/// </summary>
public sealed class HostileManifestTests
{
    private const string Link = """{"kind":"fixes","card":"A-1","symbol":"M:A.M","display":"A.M()","path":"src/A.cs","line":3,"fingerprint":"sha256:aa"}""";

    private static string Manifest(string rest) => "{\"schema\":\"regression-proof/manifest/v1\",\n" + rest + "}";

    [Theory]
    [InlineData("\"assembly\":\"A\",\"links\":null", "links is null; expected an array of objects", 2, 24)]
    [InlineData("\"assembly\":null,\"links\":[]", "assembly is null; expected a string", 2, 12)]
    [InlineData("\"assembly\":[],\"links\":[]", "assembly is an array; expected a string", 2, 12)]
    [InlineData("\"links\":[]", "the top level lacks \"assembly\"", 1, 1)]
    [InlineData("\"assembly\":\"A\",\"links\":[" + Link + ",null]", "links[1] is null; expected a link object", 2, 143)]
    [InlineData("\"assembly\":\"A\",\"links\":[{\"kind\":\"fixes\",\"card\":\"A-1\",\"symbol\":\"s\",\"display\":\"d\",\"path\":null,\"line\":1,\"fingerprint\":\"f\"}]}", "links[0].path is null; expected a string", 2, 88)]
    [InlineData("\"assembly\":\"A\",\"links\":[{\"kind\":\"fixes\",\"card\":\"A-1\",\"symbol\":\"s\",\"display\":\"d\",\"path\":\"p\",\"line\":1.5,\"fingerprint\":\"f\"}]}", "links[0].line is a number; expected a whole number", 2, 99)]
    [InlineData("\"assembly\":\"A\",\"assembly\":\"B\",\"links\":[]", "\"assembly\" is given twice in one object; give it once", 2, 16)]
    public void A_manifest_with_a_null_a_wrong_kind_or_a_name_twice_is_an_error_at_the_value(string rest, string reason, int line, int column)
    {
        var json = Manifest(rest);
        if (json.EndsWith("}}", StringComparison.Ordinal) && rest.EndsWith('}'))
        {
            json = json[..^1];
        }

        var error = Assert.Throws<ManifestFormatException>(() => ManifestJson.Parse(json, "Shop.dll"));

        Assert.Equal(("the manifest JSON is corrupt: " + reason, line, column), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void A_manifest_holding_the_bytes_of_an_unpaired_surrogate_is_an_error_at_those_bytes()
    {
        // "\ud800" in C# source: compilers store it as ED A0 80, which no UTF-8 reader accepts.
        byte[] utf8 = [.. Encoding.UTF8.GetBytes(Manifest("\"assembly\":\"A")), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\",\"links\":[]}")];

        var error = Assert.Throws<ManifestFormatException>(() => ManifestJson.Parse(utf8, "Shop.dll"));

        Assert.Equal(("the manifest is not text: byte 0xED at offset 56 is an unpaired surrogate, which is not text", 2, 15), (error.Reason, error.Line, error.Column));
    }

    [Theory]
    [InlineData("\"assembly\":\"A\\ud83d\",\"links\":[]", "a string holds an escaped unpaired surrogate, which is not text", 2, 12)]
    [InlineData("\"assembly\":\"A\",\"links\":[],\"x\\udc00\":1", "a property name holds an escaped unpaired surrogate, which is not text", 2, 27)]
    [InlineData("\"assembly\":\"A\",\"links\":[" + Link + "],\"extra\\ud800\":{}", "a property name holds an escaped unpaired surrogate, which is not text", 2, 144)]
    public void An_escaped_unpaired_surrogate_is_an_error_at_its_string_not_a_crash(string rest, string reason, int line, int column)
    {
        var error = Assert.Throws<ManifestFormatException>(() => ManifestJson.Parse(Manifest(rest), "Shop.dll"));

        Assert.Equal(("the manifest JSON is corrupt: " + reason, line, column), (error.Reason, error.Line, error.Column));
    }

    [Fact]
    public void An_unknown_kind_is_placed_at_the_kind()
    {
        var error = Assert.Throws<ManifestFormatException>(() => ManifestJson.Parse(Manifest("\"assembly\":\"A\",\"links\":[" + Link.Replace("fixes", "bogus", StringComparison.Ordinal) + "]"), "Shop.dll"));

        Assert.Equal((2, 33), (error.Line, error.Column));
        Assert.StartsWith("a link has an unknown kind 'bogus'; expected one of fixes, regression-for", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"assembly\":\"A\",\"links\":[],\"extra\":1,\"extra\":2", "\"extra\" is given twice in one object; give it once", 2, 37)]
    [InlineData("\"assembly\":\"A\",\"links\":[],\"extra\":{\"a\":1,\"a\":2}", "\"a\" is given twice in one object; give it once", 2, 42)]
    [InlineData("\"assembly\":\"A\",\"links\":[{\"kind\":\"fixes\",\"card\":\"A-1\",\"symbol\":\"s\",\"display\":\"d\",\"path\":\"p\",\"line\":1,\"fingerprint\":\"f\",\"note\":1,\"note\":2}]", "\"note\" is given twice in one object; give it once", 2, 128)]
    [InlineData("\"assembly\":\"A\",\"\\u0061ssembly\":\"B\",\"links\":[]", "\"assembly\" is given twice in one object; give it once", 2, 16)]
    public void A_name_given_twice_is_an_error_even_where_the_model_reads_nothing(string rest, string reason, int line, int column)
    {
        // The reader checks the whole text in one pass before it reads the model; a name twice in an
        // object the model skips, or spelled once with an escape, is still found.
        var error = Assert.Throws<ManifestFormatException>(() => ManifestJson.Parse(Manifest(rest), "Shop.dll"));

        Assert.Equal(("the manifest JSON is corrupt: " + reason, line, column), (error.Reason, error.Line, error.Column));
    }

    [Theory]
    [InlineData("{\"sch\\u0065ma\":\"regression-proof/manifest/v1\",\"assembly\":\"A\",\"links\":[]}")]
    [InlineData("{\"schema\":\"regression-proof\\/manifest\\/v1\",\"assembly\":\"A\",\"links\":[]}")]
    [InlineData("{\"assembly\":\"A\",\"links\":[],\"schema\":\"regression-proof/manifest/v1\"}")]
    public void A_schema_written_with_escapes_or_last_is_read(string json)
    {
        var manifest = ManifestJson.Parse(json, "Shop.dll");

        Assert.Equal(("A", 0), (manifest.Assembly, manifest.Links.Count));
    }

    [Fact]
    public void A_schema_only_inside_a_nested_object_is_no_schema()
    {
        var error = Assert.Throws<ManifestFormatException>(() => ManifestJson.Parse("{\"assembly\":\"A\",\"links\":[],\"extra\":{\"schema\":\"regression-proof/manifest/v1\"}}", "Shop.dll"));

        Assert.Equal("the manifest has no \"schema\"", error.Reason);
    }
}
