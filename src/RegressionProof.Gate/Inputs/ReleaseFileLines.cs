using System;
using System.Collections.Generic;
using System.Text.Json;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// The lines of a valid release file's top-level properties and of each card's <c>id</c>, found in
/// one pass (a release may carry 100,000 cards: one lookup per card would read the file once per card).
/// </summary>
internal static class ReleaseFileLines
{
    private static readonly string[] Parts = ["version", "class", "lane", "approvals", "rollback", "retired", "docs", "customerReadiness", "deploy"];

    /// <summary>Keys: the top-level property names of <see cref="Parts"/>, and <c>card:ID</c> for the card at each index of <paramref name="cardIds"/>.</summary>
    public static Dictionary<string, int> Find(ReadOnlySpan<byte> utf8, IReadOnlyList<string> cardIds)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = ReleaseJsonSyntax.MaxDepth + 1 });
        var line = 1;
        var counted = 0;
        var inCards = false;
        var card = -1;
        while (reader.Read())
        {
            var depth = reader.CurrentDepth;
            if (reader.TokenType == JsonTokenType.PropertyName && depth == 1)
            {
                line += Newlines(utf8, counted, (int)reader.TokenStartIndex);
                counted = (int)reader.TokenStartIndex;
                var name = reader.GetString()!;
                inCards = name == "cards";
                if (Array.IndexOf(Parts, name) >= 0)
                {
                    lines.TryAdd(name, line);
                }
            }
            else if (inCards && reader.TokenType == JsonTokenType.StartObject && depth == 2)
            {
                card++;
            }
            else if (inCards && reader.TokenType == JsonTokenType.PropertyName && depth == 3 && reader.ValueTextEquals("id"u8)
                     && card >= 0 && card < cardIds.Count)
            {
                line += Newlines(utf8, counted, (int)reader.TokenStartIndex);
                counted = (int)reader.TokenStartIndex;
                lines.TryAdd("card:" + cardIds[card], line);
            }
        }

        return lines;
    }

    private static int Newlines(ReadOnlySpan<byte> utf8, int from, int to) => utf8[from..to].Count((byte)'\n');
}
