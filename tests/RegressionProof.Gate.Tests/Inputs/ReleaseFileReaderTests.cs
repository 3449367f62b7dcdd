using System;
using System.IO;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

public sealed class ReleaseFileReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public const string Valid = """
        {
          "version": "2.4.1",
          "class": "patch",
          "lane": "fast-patch",
          "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
          "rollback": { "plan": "turn off flag billing.discount-v2", "tested": true, "stagedRollout": false },
          "cards": [
            { "id": "INTAKE-123", "title": "Discount can go negative", "priority": "P1",
              "reason": "regression", "owner": "alice", "backup": "bob",
              "evidence": ["https://tracker.example/INTAKE-123"] }
          ],
          "retired": ["INTAKE-7"]
        }
        """;

    [Fact]
    public void Reads_the_contract_example()
    {
        var release = ReleaseFileReader.Read(_folder.Write("release.json", Valid));

        Assert.Equal(("2.4.1", ReleaseClass.Patch, ReleaseLane.FastPatch), (release.Version, release.Class, release.Lane));
        Assert.Equal(["release-captain", "dri"], release.Approvals.Select(a => a.Role));
        Assert.Equal(new Rollback("turn off flag billing.discount-v2", true, false), release.Rollback);
        var card = Assert.Single(release.Cards);
        Assert.Equal(("INTAKE-123", (CardPriority?)CardPriority.P1, (CardReason?)CardReason.Regression, "alice", "bob"), (card.Id, card.Priority, card.Reason, card.Owner, card.Backup));
        Assert.Equal(["INTAKE-7"], release.Retired);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var path = _folder.WriteBytes("release.json", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Valid)]);

        Assert.Equal("2.4.1", ReleaseFileReader.Read(path).Version);
    }

    [Fact]
    public void The_lane_defaults_to_standard_and_optional_parts_may_be_absent()
    {
        var release = ReleaseFileReader.Read(_folder.Write("release.json", """{ "version": "1.0.0", "class": "minor", "cards": [ { "id": "A-1" } ] }"""));

        Assert.Equal((ReleaseLane.Standard, 0, false), (release.Lane, release.Approvals.Count, release.Rollback.Tested));
        Assert.Empty(release.Cards[0].Evidence);
    }

    [Theory]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [", 1, 47, "unexpected end of file; expected a value")]
    [InlineData("{ \"version\": \"1\",, }", 1, 18, "unexpected ','; expected a property name in double quotes")]
    [InlineData("", 1, 1, "the file is empty; expected a JSON object")]
    [InlineData("[]", 1, 1, "the release file must be a JSON object")]
    [InlineData("{ \"class\": \"patch\", \"cards\": [] }", 1, 1, "\"version\" is required")]
    [InlineData("{ \"version\": 2, \"class\": \"patch\", \"cards\": [] }", 1, 14, "\"version\" must be a string")]
    [InlineData("{ \"version\": \"1\", \"class\": \"hotfix\", \"cards\": [] }", 1, 28, "\"class\" is \"hotfix\"; expected one of patch, minor, major")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"lane\": \"express\", \"cards\": [] }", 1, 45, "\"lane\" is \"express\"; expected one of standard, fast-patch")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [ { \"id\": \"A-1\", \"reason\": \"whim\" } ] }", 1, 73, "\"reason\" is \"whim\"; expected one of regression, sla-breach, security, cost-anomaly, performance-anomaly, feature")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [ { \"id\": \"A-1\", \"priority\": \"P9\" } ] }", 1, 75, "\"priority\" is \"P9\"; expected one of P0, P1, P2, P3, P4")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": {} }", 1, 46, "\"cards\" must be an array of cards")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\" }", 1, 1, "\"cards\" is required: the intake cards of the release")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"rollback\": { \"tested\": \"yes\" }, \"cards\": [] }", 1, 61, "\"tested\" must be true or false")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [ { \"id\": \"A-1\", \"evidence\": [1] } ] }", 1, 76, "an evidence link must be a string")]
    [InlineData("{ \"version\": \"1\", \"class\": null, \"cards\": [] }", 1, 28, "\"class\" must be a string")]
    [InlineData("{ \"version\": \"1\", \"class\": 3, \"cards\": [] }", 1, 28, "\"class\" must be a string")]
    [InlineData("{ \"version\": \" \", \"class\": \"patch\", \"cards\": [] }", 1, 14, "\"version\" must not be empty")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [ { \"id\": \"A-1\" }, null ] }", 1, 65, "a card must be an object")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [ 7 ] }", 1, 48, "a card must be an object")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": null }", 1, 46, "\"cards\" must be an array of cards")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"approvals\": [ { \"role\": \"dri\" } ], \"cards\": [] }", 1, 52, "\"by\" is required")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"approvals\": [ null ], \"cards\": [] }", 1, 52, "an approval must be an object with \"role\" and \"by\"")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"approvals\": { }, \"cards\": [] }", 1, 50, "\"approvals\" must be an array")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"rollback\": true, \"cards\": [] }", 1, 49, "\"rollback\" must be an object")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [ { \"id\": 5 } ] }", 1, 56, "\"id\" must be a string")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [ { \"id\": \"A-1\", \"evidence\": [\"https://a\", null] } ] }", 1, 89, "an evidence link must be a string")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [ { \"id\": \"A-1\", \"title\": 5 } ] }", 1, 72, "\"title\" must be a string")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [], \"retired\": [ 7 ] }", 1, 63, "a retired card must be an ID string")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [], \"retired\": [ { \"note\": \"x\" } ] }", 1, 63, "\"id\" is required")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [], \"retired\": [ { \"id\": \" \" } ] }", 1, 63, "\"id\" must not be empty")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [], \"retired\": [ \"A-1\", \"\" ] }", 1, 70, "a retired card's ID must not be empty")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [], \"retired\": [ \" \\t\" ] }", 1, 63, "a retired card's ID must not be empty")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [] } x", 1, 51, "unexpected 'x' after the end of the JSON value")]
    [InlineData("{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [] ", 1, 49, "unexpected end of file; expected ',' or '}'")]
    [InlineData("{ \"version\" \"1\" }", 1, 13, "unexpected '\"'; expected ':'")]
    [InlineData("{ \"version\": \"1\", \"class\" }", 1, 27, "unexpected '}'; expected ':'")]
    [InlineData("{ \"version\": \"1\", \"x\": { \"a\": 1, \"a\": 2 }, \"class\": \"patch\", \"cards\": [] }", 1, 34, "\"a\" is given twice in one object (first at line 1); give it once")]
    [InlineData("{ \"version\": \"1\\ud800\", \"class\": \"patch\", \"cards\": [] }", 1, 14, "a string holds an escaped unpaired surrogate, which is not text")]
    [InlineData("{ \"version\": \"1\", \"class\": \"\\u001b[31mhotfix\", \"cards\": [] }", 1, 28, "\"class\" is \"\\u001B[31mhotfix\"; expected one of patch, minor, major")]
    public void A_malformed_release_file_names_the_file_line_and_column(string json, int line, int column, string reason)
    {
        var path = _folder.Write("release.json", json);

        var error = Assert.Throws<InputException>(() => ReleaseFileReader.Read(path));

        Assert.Equal($"{path}({line},{column}): {reason}", error.Message);
    }

    [Fact]
    public void Retired_cards_are_read_from_ID_strings_and_from_objects_with_an_id()
    {
        var release = ReleaseFileReader.Parse("release.json", """{ "version": "1", "class": "patch", "cards": [], "retired": ["A-0", { "id": "B-0", "note": "x" }] }""");

        Assert.Equal(["A-0", "B-0"], release.Retired);
    }

    [Fact]
    public void Duplicate_card_ids_name_both_places()
    {
        var path = _folder.Write("release.json", "{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [\n  { \"id\": \"A-1\" },\n  { \"id\": \"A-1\" }\n] }");

        var error = Assert.Throws<InputException>(() => ReleaseFileReader.Read(path));

        Assert.Equal($"{path}(3,11): card \"A-1\" is listed twice (first at line 2)", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_named_with_their_position()
    {
        var path = _folder.WriteBytes("release.json", [.. Encoding.UTF8.GetBytes("{\n  \"version\": \"1\xE9"), 0xFF, .. Encoding.UTF8.GetBytes("\" }")]);

        var error = Assert.Throws<InputException>(() => ReleaseFileReader.Read(path));

        Assert.StartsWith($"{path}(2,", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_a_directory_and_a_huge_file_are_refused_clearly()
    {
        var missing = Path.Combine(_folder.Path, "missing.json");
        Assert.Equal($"{missing}: the release file does not exist", Assert.Throws<InputException>(() => ReleaseFileReader.Read(missing)).Message);

        Directory.CreateDirectory(Path.Combine(_folder.Path, "release.json.d"));
        var directory = Path.Combine(_folder.Path, "release.json.d");
        Assert.Equal($"{directory}: is a directory; expected the release file", Assert.Throws<InputException>(() => ReleaseFileReader.Read(directory)).Message);

        var huge = Path.Combine(_folder.Path, "huge.json");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(TextFile.MaxBytes + 1);
        }

        Assert.Contains("the release file is larger than 16 MiB", Assert.Throws<InputException>(() => ReleaseFileReader.Read(huge)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_input_is_an_error_not_a_crash()
    {
        var path = _folder.Write("release.json", new string('[', 50_000));

        Assert.Contains("nested more than 64 levels", Assert.Throws<InputException>(() => ReleaseFileReader.Read(path)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
