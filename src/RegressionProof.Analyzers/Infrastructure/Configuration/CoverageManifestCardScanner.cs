using System;
using System.Collections.Generic;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// Reads the card IDs out of a coverage manifest (the gate's <c>coverage-manifest.json</c>): the
/// <c>id</c> of every entry of <c>cards</c>, every entry of <c>retired</c>, and the <c>card</c> of
/// every entry of <c>links</c>. Everything else is checked to be JSON and skipped without being
/// kept, because a large repository's manifest runs to tens of megabytes and the analyzers need
/// only the IDs.
/// </summary>
internal sealed class CoverageManifestCardScanner
{
    private readonly JsonTokenizer _tokens;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private string? _schema;

    private CoverageManifestCardScanner(string text)
    {
        _tokens = new JsonTokenizer(text);
    }

    /// <summary>Where a value sits, as far as collecting IDs is concerned.</summary>
    private enum Place
    {
        Ignored,
        Root,
        Cards,
        Card,
        Retired,
        RetiredEntry,
        Links,
        Link,
        Id,
        Schema,
    }

    /// <summary>The IDs, or null with <paramref name="error"/> saying where the text is not JSON.</summary>
    public static HashSet<string>? Scan(string text, out string? schema, out JsonSyntaxError? error)
    {
        var scanner = new CoverageManifestCardScanner(text);
        schema = null;
        try
        {
            scanner._tokens.StartDocument();
            scanner.ReadValue(Place.Root, 0);
            scanner._tokens.EndDocument();
            schema = scanner._schema;
            error = null;
            return scanner._ids;
        }
        catch (JsonSyntaxException failure)
        {
            error = failure.Error;
            return null;
        }
    }

    private static Place PlaceOf(Place objectPlace, string? name) => (objectPlace, name) switch
    {
        (Place.Root, "schema") => Place.Schema,
        (Place.Root, "cards") => Place.Cards,
        (Place.Root, "retired") => Place.Retired,
        (Place.Root, "links") => Place.Links,
        (Place.Card or Place.RetiredEntry, "id") => Place.Id,
        (Place.Link, "card") => Place.Id,
        _ => Place.Ignored,
    };

    private static Place ItemPlaceOf(Place arrayPlace) => arrayPlace switch
    {
        Place.Cards => Place.Card,
        Place.Retired => Place.RetiredEntry,
        Place.Links => Place.Link,
        _ => Place.Ignored,
    };

    private void ReadValue(Place place, int depth)
    {
        var kind = _tokens.PeekValue(depth);
        switch (kind)
        {
            case JsonTokenKind.Object:
                ReadObject(place, depth);
                return;
            case JsonTokenKind.Array:
                ReadArray(place, depth);
                return;
            case JsonTokenKind.String:
                var keep = place is Place.Id or Place.RetiredEntry or Place.Schema;
                var value = _tokens.ReadString(keep);
                if (place == Place.Schema)
                {
                    _schema = value;
                }
                else if (keep && value is { Length: > 0 })
                {
                    _ids.Add(value);
                }

                return;
            case JsonTokenKind.Number:
                _tokens.SkipNumber();
                return;
            default:
                _tokens.SkipLiteral(kind);
                return;
        }
    }

    private void ReadObject(Place place, int depth)
    {
        if (!_tokens.OpenContainer('}'))
        {
            return;
        }

        do
        {
            _tokens.PeekPropertyName();

            // Names matter only where IDs are collected; elsewhere they are checked and dropped.
            var name = _tokens.ReadString(keep: place != Place.Ignored);
            _tokens.ExpectColon();
            ReadValue(PlaceOf(place, name), depth + 1);
        }
        while (_tokens.NextItem('}'));
    }

    private void ReadArray(Place place, int depth)
    {
        if (!_tokens.OpenContainer(']'))
        {
            return;
        }

        var itemPlace = ItemPlaceOf(place);
        do
        {
            ReadValue(itemPlace, depth + 1);
        }
        while (_tokens.NextItem(']'));
    }
}
