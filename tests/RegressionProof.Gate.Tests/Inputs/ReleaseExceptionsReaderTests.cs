using System;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>The release file's <c>exceptions</c>: read into the model, or refused naming file, line and column.</summary>
public sealed class ReleaseExceptionsReaderTests
{
    private static string Release(string exception) =>
        "{ \"version\": \"1\", \"class\": \"patch\", \"cards\": [],\n  \"exceptions\": [\n    " + exception + "\n  ] }";

    [Fact]
    public void An_exception_is_read_with_its_dates()
    {
        var release = ReleaseFileReader.Parse("release.json", Release("""
            { "check": "RPG003", "card": "INTAKE-1", "reason": "hotfix", "approver": "erin", "rcaDue": "2026-12-01", "expires": "2026-12-31" }
            """));

        var exception = Assert.Single(release.Exceptions);
        Assert.Equal(new ReleaseException(0, "RPG003", "INTAKE-1", "hotfix", "erin", null, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), exception);
    }

    [Fact]
    public void An_exception_without_card_or_approver_is_read_and_left_to_the_check()
    {
        var exception = Assert.Single(ReleaseFileReader.Parse("release.json", Release("""
            { "check": "RPG007", "reason": "notes late", "rca": "https://wiki.example/rca/1", "expires": "2026-12-31" }
            """)).Exceptions);

        Assert.Equal((null, null, "https://wiki.example/rca/1", null), (exception.Card, exception.Approver, exception.Rca, exception.RcaDue));
    }

    [Fact]
    public void A_release_file_without_exceptions_has_none()
    {
        Assert.Empty(ReleaseFileReader.Parse("release.json", """{ "version": "1", "class": "patch", "cards": [] }""").Exceptions);
    }

    [Theory]
    [InlineData("""{ "reason": "r", "rcaDue": "2026-12-01", "expires": "2026-12-31" }""", 3, 5, "\"check\" is required")]
    [InlineData("""{ "check": "RPG003", "rcaDue": "2026-12-01", "expires": "2026-12-31" }""", 3, 5, "\"reason\" is required")]
    [InlineData("""{ "check": "RPG003", "reason": "r", "rcaDue": "2026-12-01" }""", 3, 5, "\"expires\" is required")]
    [InlineData("""{ "check": "RPG003", "reason": "r", "expires": "2026-12-31" }""", 3, 5, "an exception needs \"rca\" (a link to the post-incident RCA) or \"rcaDue\" (the day it is due)")]
    [InlineData("""{ "check": "evidence", "reason": "r", "rcaDue": "2026-12-01", "expires": "2026-12-31" }""", 3, 16, "\"check\" is \"evidence\"; expected a rule ID of the gate such as RPG003")]
    [InlineData("""{ "check": "RPG003", "reason": " ", "rcaDue": "2026-12-01", "expires": "2026-12-31" }""", 3, 36, "\"reason\" must not be empty")]
    [InlineData("""{ "check": "RPG003", "card": "", "reason": "r", "rcaDue": "2026-12-01", "expires": "2026-12-31" }""", 3, 34, "\"card\" must not be empty")]
    [InlineData("""{ "check": "RPG003", "reason": "r", "rcaDue": "2026-12-01", "expires": "31/12/2026" }""", 3, 76, "\"expires\" is \"31/12/2026\"; expected a date in the form yyyy-MM-dd")]
    [InlineData("""{ "check": "RPG003", "reason": "r", "rcaDue": "2026-02-30", "expires": "2026-12-31" }""", 3, 51, "\"rcaDue\" is \"2026-02-30\"; expected a date in the form yyyy-MM-dd")]
    [InlineData("""{ "check": "RPG003", "reason": "r", "rca": "wiki/rca-1", "expires": "2026-12-31" }""", 3, 48, "\"rca\" must be an http(s) link to the post-incident RCA")]
    [InlineData("""{ "check": "RPG003", "reason": "r", "rcaDue": "2026-12-01", "expires": 20261231 }""", 3, 76, "\"expires\" must be a string")]
    [InlineData("""null""", 3, 5, "an exception must be an object with \"check\", \"reason\" and \"expires\"")]
    public void A_bad_exception_is_refused_naming_file_line_and_column(string exception, int line, int column, string reason)
    {
        var error = Assert.Throws<InputException>(() => ReleaseFileReader.Parse("release.json", Release(exception)));

        Assert.Equal($"release.json({line},{column}): {reason}", error.Message);
    }

    [Fact]
    public void Exceptions_that_are_not_a_list_are_refused()
    {
        var error = Assert.Throws<InputException>(() => ReleaseFileReader.Parse("release.json", """{ "version": "1", "class": "patch", "cards": [], "exceptions": {} }"""));

        Assert.Equal("release.json(1,64): \"exceptions\" must be an array", error.Message);
    }
}
