using System.Linq;
using RegressionProof.Analyzers.Infrastructure;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Infrastructure;

/// <summary>
/// The scanner reads only the card IDs of a coverage manifest, and it reads JSON with the same
/// lexer as <see cref="JsonDocumentReader"/>: a text one of them refuses, the other refuses at the
/// same line and column with the same message.
/// </summary>
public class CoverageManifestCardScannerTests
{
    [Fact]
    public void Collects_the_ids_of_cards_retired_cards_and_links_and_nothing_else()
    {
        const string Manifest = """
            {
              "schema": "regression-proof/coverage/v1",
              "cards": [ { "id": "A-\u0031", "title": "not an ID" } ],
              "retired": [ "R-1", { "id": "R-2" }, "" ],
              "links": [ { "card": "L-\"1\"", "id": "not an ID either" } ],
              "findings": [ { "card": "F-1" } ],
              "release": { "cards": [ { "id": "N-1" } ] }
            }
            """;

        var ids = CoverageManifestCardScanner.Scan(Manifest, out var schema, out var error);

        Assert.Null(error);
        Assert.Equal("regression-proof/coverage/v1", schema);
        Assert.Equal(new[] { "A-1", "L-\"1\"", "R-1", "R-2" }, ids!.OrderBy(id => id, System.StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF  \n ")]
    [InlineData("{\"links\": [ {\"card\": \"A-1\"} ")]
    [InlineData("{\"links\": [ {\"card\": \"A-1\"} } ]}")]
    [InlineData("{\"cards\": [ {\"id\" \"A-1\"} ]}")]
    [InlineData("{\"cards\": [ {\"id\": \"A-1\",} ]}")]
    [InlineData("{\"other\": { 'a': 1 }}")]
    [InlineData("{\"other\": \"tab\there\"}")]
    [InlineData("{\"other\": \"\\x41\"}")]
    [InlineData("{\"other\": \"\\u00G1\"}")]
    [InlineData("{\"other\": \"unterminated")]
    [InlineData("{\"other\": [01]}")]
    [InlineData("{\"other\": [1a]}")]
    [InlineData("{\"other\":\n  [1.5.3, -, 2]}")]
    [InlineData("{\"other\": [nul]}")]
    [InlineData("{\"other\": [1]} x")]
    [InlineData("{\"other\":\n\t@}")]
    public void Refuses_what_the_document_reader_refuses_at_the_same_place_with_the_same_message(string json)
    {
        var ids = CoverageManifestCardScanner.Scan(json, out _, out var scanError);
        JsonDocumentReader.Parse(json, out var readError);

        Assert.Null(ids);
        Assert.NotNull(readError);
        Assert.Equal((readError!.Line, readError.Column, readError.Message), (scanError!.Line, scanError.Column, scanError.Message));
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var ids = CoverageManifestCardScanner.Scan("{\"links\": " + new string('[', 100_000), out _, out var error);

        Assert.Null(ids);
        Assert.Equal("values are nested more than 64 levels deep", error!.Message);
    }
}
