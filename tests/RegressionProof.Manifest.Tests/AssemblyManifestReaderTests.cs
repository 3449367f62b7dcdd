using System;
using System.IO;
using Xunit;

namespace RegressionProof.Manifest.Tests;

public sealed class AssemblyManifestReaderTests : IDisposable
{
    private const string ValidJson = """
        {"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[{"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.A.M","display":"A.M()","path":"src/A.cs","line":4,"fingerprint":"sha256:00"}]}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("regression-proof-reader-").FullName;

    [Fact]
    public void Reads_the_embedded_manifest_without_loading_the_assembly()
    {
        var path = TestAssemblies.Build(_folder, "Shop", TestAssemblies.WithManifest(ValidJson) + " public class A { }");

        var manifest = AssemblyManifestReader.Read(path);

        Assert.NotNull(manifest);
        var link = Assert.Single(manifest!.Links);
        Assert.Equal(("fixes", "INTAKE-1", "M:Shop.A.M", "src/A.cs", 4), (link.Kind, link.Card, link.Symbol, link.Path, link.Line));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Shop");
    }

    [Theory]
    [InlineData(1)] // a blob length of one byte
    [InlineData(40)] // two bytes
    [InlineData(400)] // four bytes: the manifest is over 16 KB
    public void The_manifest_is_read_from_its_utf8_bytes_exactly_as_written_whatever_its_length(int links)
    {
        var link = """{"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Größe.M","display":"Größe.M() — ✓","path":"src/Größe.cs","line":4,"fingerprint":"sha256:00"}""";
        var json = "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Shop\",\"links\":[" + string.Join(",", System.Linq.Enumerable.Repeat(link, links)) + "]}";
        var path = TestAssemblies.Build(_folder, "Shop", TestAssemblies.WithManifest(json) + " public class A { }");

        using var stream = File.OpenRead(path);
        var manifest = AssemblyManifestReader.ReadManifest(stream, path);

        Assert.NotNull(manifest);
        Assert.Equal(links, manifest!.Links.Count);
        Assert.All(manifest.Links, l => Assert.Equal(("M:Shop.Größe.M", "Größe.M() — ✓", "src/Größe.cs"), (l.Symbol, l.Display, l.Path)));
        stream.Position = 0;
        Assert.Equal(json, AssemblyManifestReader.ReadManifestJson(stream, path));
    }

    [Fact]
    public void An_assembly_without_a_manifest_reads_as_none()
    {
        var path = TestAssemblies.Build(_folder, "Plain", "[assembly: System.Reflection.AssemblyMetadata(\"Other\", \"x\")] public class A { }");

        Assert.Null(AssemblyManifestReader.Read(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("MZ not really")]
    [InlineData("{\"schema\": \"regression-proof/manifest/v1\"}")]
    public void A_file_that_is_not_a_dotnet_assembly_is_a_clear_error(string content)
    {
        var path = Path.Combine(_folder, "native.dll");
        File.WriteAllText(path, content);

        var error = Assert.Throws<ManifestFormatException>(() => AssemblyManifestReader.Read(path));

        Assert.StartsWith(path + ": is not a .NET assembly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var path = Path.Combine(_folder, "missing.dll");

        var error = Assert.Throws<ManifestFormatException>(() => AssemblyManifestReader.Read(path));

        Assert.StartsWith(path + ": cannot be read:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_of_an_unknown_schema_names_the_version_it_found()
    {
        var path = TestAssemblies.Build(_folder, "Future", TestAssemblies.WithManifest("{\"schema\":\"regression-proof/manifest/v9\",\"assembly\":\"Future\",\"links\":[]}"));

        var error = Assert.Throws<ManifestFormatException>(() => AssemblyManifestReader.Read(path));

        Assert.Contains("the manifest schema 'regression-proof/manifest/v9' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"X\",\"links\":[", "the manifest JSON is corrupt", 1)]
    [InlineData("{\"schema\":\"regression-proof/manifest/v1\",\n\"assembly\":\"X\",\n\"links\":[{\"kind\":3}]}", "the manifest JSON is corrupt", 3)]
    [InlineData("{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"X\",\"links\":[{\"kind\":\"bogus\",\"card\":\"A-1\",\"symbol\":\"s\",\"display\":\"d\",\"path\":\"p\",\"line\":1,\"fingerprint\":\"f\"}]}", "a link has an unknown kind 'bogus'", 1)]
    [InlineData("[]", "the manifest is not a JSON object", null)]
    [InlineData("{\"assembly\":\"X\"}", "the manifest has no \"schema\"", null)]
    public void A_corrupt_manifest_is_a_clear_error_with_its_position(string json, string reason, int? line)
    {
        var path = TestAssemblies.Build(_folder, "Corrupt", TestAssemblies.WithManifest(json));

        var error = Assert.Throws<ManifestFormatException>(() => AssemblyManifestReader.Read(path));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.StartsWith(path + " (embedded manifest)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_whose_text_is_not_valid_unicode_is_a_clear_error_not_a_crash()
    {
        // A lone surrogate in the attribute's string is written to metadata as bytes that are not UTF-8.
        var json = ValidJson.Replace("A.M()", "A\uD800.M()", StringComparison.Ordinal);
        var path = TestAssemblies.Build(_folder, "Broken", TestAssemblies.WithManifest(json));

        using var stream = File.OpenRead(path);
        var fromBytes = Record.Exception(() => AssemblyManifestReader.ReadManifest(stream, path));
        var fromFile = Record.Exception(() => AssemblyManifestReader.Read(path));

        Assert.True(fromBytes is null or ManifestFormatException, $"threw {fromBytes?.GetType().Name}: {fromBytes?.Message}");
        Assert.True(fromFile is null or ManifestFormatException, $"threw {fromFile?.GetType().Name}: {fromFile?.Message}");
    }

    [Fact]
    public void Two_manifests_in_one_assembly_are_an_error()
    {
        var path = TestAssemblies.Build(_folder, "Twice", TestAssemblies.WithManifest(ValidJson) + "\n" + TestAssemblies.WithManifest(ValidJson.Replace("Shop", "Other", StringComparison.Ordinal)));

        var error = Assert.Throws<ManifestFormatException>(() => AssemblyManifestReader.Read(path));

        Assert.Contains("more than one 'RegressionProof.Manifest' manifest", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
