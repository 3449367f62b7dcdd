using RegressionProof.Analyzers.Infrastructure;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Infrastructure;

public class CardSuggestionTests
{
    [Theory]
    [InlineData("INTAKE-123", "INTAKE-123", 0)]
    [InlineData("INTAKE-132", "INTAKE-123", 1)] // two neighbours swapped
    [InlineData("INTAKE-124", "INTAKE-123", 1)]
    [InlineData("INTAKE-12", "INTAKE-123", 1)]
    [InlineData("INTKAE-1234", "INTAKE-123", 2)]
    [InlineData("OPS-1", "INTAKE-1", 6)]
    [InlineData("", "AB", 2)]
    public void Distance_counts_changed_added_removed_and_swapped_characters(string a, string b, int distance)
    {
        Assert.Equal(distance, CardSuggestion.Distance(a, b));
        Assert.Equal(distance, CardSuggestion.Distance(b, a));
    }

    [Fact]
    public void The_one_card_within_two_edits_is_suggested()
    {
        Assert.Equal("INTAKE-123", CardSuggestion.Find("INTAKE-132", ["INTAKE-123", "INTAKE-900", "OPS-132"]));
    }

    [Fact]
    public void No_card_within_two_edits_gives_no_suggestion()
    {
        Assert.Null(CardSuggestion.Find("INTAKE-132", ["INTAKE-900", "OPS-1"]));
    }

    [Fact]
    public void Two_cards_within_reach_give_no_suggestion_even_when_one_is_closer()
    {
        // Sequential card numbers sit one edit apart; with two candidates a guess is a coin toss.
        Assert.Null(CardSuggestion.Find("INTAKE-120", ["INTAKE-121", "INTAKE-122"]));
        Assert.Null(CardSuggestion.Find("INTAKE-120", ["INTAKE-121", "INTAKE-1222"]));
    }

    [Fact]
    public void A_card_with_a_control_character_is_never_suggested()
    {
        // A code fix would write it into source, and a message would carry it to a terminal.
        Assert.Null(CardSuggestion.Find("INTAKE-1", ["INTAKE-1\u001b", "INTAKE-1\u202E"]));
    }

    [Fact]
    public void The_ID_itself_and_very_long_IDs_are_never_suggested()
    {
        Assert.Null(CardSuggestion.Find("INTAKE-1", ["INTAKE-1"]));
        Assert.Null(CardSuggestion.Find(new string('A', 300), [new string('A', 299)]));
    }
}
