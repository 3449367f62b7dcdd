using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using RegressionProof.Contract;
using Xunit;

namespace RegressionProof.Gate.Tests.Schemas;

/// <summary>The JSON schemas in docs/schemas say what src/Shared/ManifestContract.cs says.</summary>
public sealed class ContractSchemaTests
{
    private static readonly string[] KindNames = ManifestContract.Kinds.Select(kind => kind.WireName).ToArray();

    [Fact]
    public void The_manifest_schema_has_the_contracts_schema_id_kinds_levels_and_signals()
    {
        using var schema = Load("manifest.v1.schema.json");
        var link = schema.RootElement.GetProperty("definitions").GetProperty("link").GetProperty("properties");

        Assert.Equal(ManifestContract.ManifestSchema, schema.RootElement.GetProperty("properties").GetProperty("schema").GetProperty("const").GetString());
        Assert.Equal(KindNames, Strings(link.GetProperty("kind").GetProperty("enum")));
        Assert.Equal(ManifestContract.Levels, Strings(link.GetProperty("level").GetProperty("enum")));
        Assert.Equal(ManifestContract.Signals, Strings(link.GetProperty("signal").GetProperty("enum")));
        Assert.Contains(ManifestContract.MetadataKey, schema.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_schema_has_a_property_for_every_argument_of_the_contract()
    {
        using var schema = Load("manifest.v1.schema.json");
        var link = schema.RootElement.GetProperty("definitions").GetProperty("link").GetProperty("properties");

        var arguments = ManifestContract.Kinds.SelectMany(kind => kind.Arguments).Append(ManifestContract.Evidence).Select(argument => argument.Property);
        Assert.All(arguments, property => Assert.True(link.TryGetProperty(property, out _), $"no \"{property}\" in the link of manifest.v1.schema.json"));
    }

    [Fact]
    public void The_manifest_schema_requires_of_each_kind_the_arguments_the_contract_marks_required()
    {
        using var schema = Load("manifest.v1.schema.json");
        var required = schema.RootElement.GetProperty("definitions").GetProperty("link").GetProperty("allOf").EnumerateArray()
            .ToDictionary(
                rule => rule.GetProperty("if").GetProperty("properties").GetProperty("kind").GetProperty("const").GetString()!,
                rule => Strings(rule.GetProperty("then").GetProperty("required")));

        Assert.Subset(KindNames.ToHashSet(), required.Keys.ToHashSet());
        foreach (var kind in ManifestContract.Kinds)
        {
            var expected = kind.Arguments.Where(argument => argument.Required).Select(argument => argument.Property).ToArray();
            Assert.Equal(expected, required.TryGetValue(kind.WireName, out var listed) ? listed : []);
        }
    }

    [Fact]
    public void The_coverage_manifest_schema_has_the_contracts_schema_id_and_kinds()
    {
        using var schema = Load("coverage-manifest.v1.schema.json");
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal(ManifestContract.CoverageSchema, properties.GetProperty("schema").GetProperty("const").GetString());
        var link = properties.GetProperty("links").GetProperty("items").GetProperty("properties");
        Assert.Equal(KindNames, Strings(link.GetProperty("kind").GetProperty("enum")));
    }

    private static JsonDocument Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", name)));

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToArray();
}
