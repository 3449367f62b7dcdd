using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads and validates <c>release.json</c> (schema: docs/schemas/release.v1.schema.json) with the
/// generated <see cref="ReleaseFileJsonContext"/>. What is wrong with a file is told with the
/// file, line and column of the offending value, in the words of the person who wrote it; the
/// positions are worked out only once reading has failed.
/// </summary>
internal static partial class ReleaseFileReader
{
    internal const string RetiredIsNotAnId = "a retired card must be an ID string";

    internal const string RetiredIdIsEmpty = "a retired card's ID must not be empty";

    /// <summary>What a value of the wrong kind is told, by where it is (array indexes written <c>[]</c>).</summary>
    private static readonly Dictionary<string, string> WrongKind = new(StringComparer.Ordinal)
    {
        ["$"] = "the release file must be a JSON object",
        ["$.approvals"] = "\"approvals\" must be an array",
        ["$.approvals[]"] = "an approval must be an object with \"role\" and \"by\"",
        ["$.rollback"] = "\"rollback\" must be an object",
        ["$.rollback.tested"] = "\"tested\" must be true or false",
        ["$.rollback.stagedRollout"] = "\"stagedRollout\" must be true or false",
        ["$.cards"] = "\"cards\" must be an array of cards",
        ["$.cards[]"] = "a card must be an object",
        ["$.cards[].evidence"] = "\"evidence\" must be an array",
        ["$.cards[].evidence[]"] = "an evidence link must be a string",
        ["$.retired"] = "\"retired\" must be an array",
        ["$.retired[]"] = RetiredIsNotAnId,
        ["$.exceptions"] = "\"exceptions\" must be an array",
        ["$.exceptions[]"] = "an exception must be an object with \"check\", \"reason\" and \"expires\"",
        ["$.docs"] = "\"docs\" must be an array of the documentation pages the release changed",
        ["$.docs[]"] = "a docs entry must be a string: the path or link of a changed page",
        ["$.customerReadiness"] = "\"customerReadiness\" must be an object with \"by\" and \"on\"",
        ["$.cards[].monitoring"] = "\"monitoring\" must be an array",
        ["$.cards[].monitoring[]"] = "a monitoring link must be a string",
        ["$.deploy"] = "\"deploy\" must be an object with \"at\", the time of the deploy",
    };

    /// <summary>The properties an object must have, in the order they are asked for, by where the object is.</summary>
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["$"] = ["version", "class", "cards"],
        ["$.approvals[]"] = ["role", "by"],
        ["$.cards[]"] = ["id"],
        ["$.exceptions[]"] = ["check", "reason", "expires"],
        ["$.customerReadiness"] = ["by", "on"],
        ["$.deploy"] = ["at"],
    };

    public static ReleaseFile Read(string path) => Parse(path, TextFile.ReadUtf8(path, "release", out var sha256)) with { Sha256 = sha256 };

    public static ReleaseFile Parse(string path, string text) =>
        Parse(path, Encoding.UTF8.GetBytes(text.StartsWith('\uFEFF') ? text[1..] : text));

    /// <summary>Reads UTF-8 without a byte order mark (as <see cref="TextFile.ReadUtf8"/> gives it).</summary>
    public static ReleaseFile Parse(string path, ReadOnlyMemory<byte> utf8)
    {
        var file = new Located(path, utf8);
        if (ReleaseJsonSyntax.FirstProblem(utf8.Span) is { } syntax)
        {
            var (line, column) = JsonProblem.PositionOf(utf8.Span, syntax.Offset);
            throw new InputException(path, syntax.Reason, line, column);
        }

        ReleaseFileJson? json;
        try
        {
            json = JsonSerializer.Deserialize(utf8.Span, ReleaseFileJsonContext.Default.ReleaseFileJson);
        }
        catch (JsonException exception)
        {
            throw file.Explain(exception);
        }

        return ToModel(file, json ?? throw file.At("$", WrongKind["$"]));
    }

    /// <summary>The mark of a value <c>init</c> left for the user to fill in; a release file that still has one is refused.</summary>
    public const string InitPlaceholder = "<fill in:";

    /// <summary>The model, once what the types cannot say is checked: IDs and names are not blank, lists hold no null, a card is listed once.</summary>
    private static ReleaseFile ToModel(Located file, ReleaseFileJson json)
    {
        file.NotBlank(json.Version, "$.version");
        if (json.Version.StartsWith(InitPlaceholder, StringComparison.Ordinal))
        {
            // init leaves the version to the user; a release file it wrote must not pass half-written.
            throw file.At("$.version", "the version is still the placeholder init wrote; set the version to release");
        }

        var approvals = new List<Approval>();
        for (var i = 0; i < (json.Approvals?.Count ?? 0); i++)
        {
            var approval = json.Approvals![i] ?? throw file.At($"$.approvals[{i}]", WrongKind["$.approvals[]"]);
            approvals.Add(new Approval(file.NotBlank(approval.Role, $"$.approvals[{i}].role"), file.NotBlank(approval.By, $"$.approvals[{i}].by")));
        }

        var rollback = new Rollback(json.Rollback?.Plan, json.Rollback?.Tested ?? false, json.Rollback?.StagedRollout ?? false) { Mechanism = json.Rollback?.Mechanism };

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var cards = new List<Card>();
        for (var i = 0; i < json.Cards.Count; i++)
        {
            var card = json.Cards[i] ?? throw file.At($"$.cards[{i}]", WrongKind["$.cards[]"]);
            var id = file.NotBlank(card.Id, $"$.cards[{i}].id");
            if (!first.TryAdd(id, i))
            {
                var firstLine = file.Find($"$.cards[{first[id]}].id")?.Line;
                throw file.At($"$.cards[{i}].id", $"card \"{Text.Printable(id)}\" is listed twice (first at line {firstLine})");
            }

            var evidence = card.Evidence ?? [];
            for (var e = 0; e < evidence.Count; e++)
            {
                _ = evidence[e] ?? throw file.At($"$.cards[{i}].evidence[{e}]", WrongKind["$.cards[].evidence[]"]);
            }

            var monitoring = card.Monitoring ?? [];
            for (var m = 0; m < monitoring.Count; m++)
            {
                _ = monitoring[m] ?? throw file.At($"$.cards[{i}].monitoring[{m}]", WrongKind["$.cards[].monitoring[]"]);
            }

            cards.Add(new Card(id, card.Title, card.Priority, card.Reason, card.Owner, card.Backup, evidence.Select(e => e!).ToList())
            {
                Status = card.Status,
                // The one empty array, as the model's default: a card that says nothing equals one built in code.
                Monitoring = monitoring.Count == 0 ? Array.Empty<string>() : monitoring.Select(m => m!).ToList(),
            });
        }

        var retired = (json.Retired ?? []).Select(r => r.Id).ToList();
        return new ReleaseFile(file.Path, json.Version, json.Class, json.Lane ?? ReleaseLane.Standard, approvals, rollback, cards, retired)
        {
            Lines = ReleaseFileLines.Find(file.Utf8.Span, cards.Select(c => c.Id).ToList()),
            Exceptions = Exceptions(file, json.Exceptions ?? []),
            Docs = Docs(file, json.Docs ?? []),
            CustomerReadiness = json.CustomerReadiness is { } readiness
                ? new CustomerReadiness(file.NotBlank(readiness.By, "$.customerReadiness.by"), Date(file, readiness.On, "$.customerReadiness.on"))
                : null,
            Deploy = json.Deploy is null ? null : Deploy(file, json.Deploy),
        };
    }

    /// <summary>The documentation pages the release changed: each a path or link, none blank.</summary>
    private static List<string> Docs(Located file, IReadOnlyList<string?> json)
    {
        var docs = new List<string>(json.Count);
        for (var i = 0; i < json.Count; i++)
        {
            var page = json[i] ?? throw file.At($"$.docs[{i}]", WrongKind["$.docs[]"]);
            docs.Add(string.IsNullOrWhiteSpace(page) ? throw file.At($"$.docs[{i}]", "a docs entry must not be empty") : page);
        }

        return docs;
    }

    /// <summary>
    /// The post-deploy record: <c>at</c> is a time with its offset (<c>2026-11-24T09:30:00Z</c>),
    /// <c>trafficCycle</c> a whole number of hours or days (<c>24h</c>, <c>7d</c>; default 24h).
    /// </summary>
    private static DeployRecord Deploy(Located file, DeployJson json)
    {
        var at = DeployTime().IsMatch(json.At)
                 && DateTimeOffset.TryParse(json.At, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time
            : throw file.At("$.deploy.at", $"\"at\" is \"{Text.Printable(json.At)}\"; expected the time of the deploy with its offset, such as 2026-11-24T09:30:00Z");
        if (json.TrafficCycle is null)
        {
            return new DeployRecord(at, DeployRecord.DefaultTrafficCycle);
        }

        var cycle = TrafficCycle().Match(json.TrafficCycle);
        if (!cycle.Success)
        {
            throw file.At("$.deploy.trafficCycle", $"\"trafficCycle\" is \"{Text.Printable(json.TrafficCycle)}\"; expected a whole number of hours or days, such as 24h or 7d");
        }

        var count = int.Parse(cycle.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new DeployRecord(at, cycle.Groups[2].Value == "d" ? TimeSpan.FromDays(count) : TimeSpan.FromHours(count));
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex DeployTime();

    // Up to 9999 hours or days: a traffic cycle is a day or a week, never long enough to overflow a time.
    [GeneratedRegex(@"^([1-9][0-9]{0,3})(h|d)$")]
    private static partial Regex TrafficCycle();

    /// <summary>
    /// The audited exceptions: a check is a rule ID (<c>RPG003</c>), dates are <c>yyyy-MM-dd</c>, the
    /// RCA is an http(s) link or has a due date. An approver may be left out: such an exception is
    /// read, and reported as counting for nothing, rather than refused.
    /// </summary>
    private static List<ReleaseException> Exceptions(Located file, IReadOnlyList<ExceptionJson?> json)
    {
        var exceptions = new List<ReleaseException>();
        for (var i = 0; i < json.Count; i++)
        {
            var at = $"$.exceptions[{i}]";
            var exception = json[i] ?? throw file.At(at, WrongKind["$.exceptions[]"]);
            var check = file.NotBlank(exception.Check, at + ".check");
            if (!RuleId().IsMatch(check))
            {
                throw file.At(at + ".check", $"\"check\" is \"{Text.Printable(check)}\"; expected a rule ID of the gate such as RPG003");
            }

            var reason = file.NotBlank(exception.Reason, at + ".reason");
            var expires = Date(file, exception.Expires, at + ".expires");
            DateOnly? rcaDue = exception.RcaDue is null ? null : Date(file, exception.RcaDue, at + ".rcaDue");
            if (exception.Rca is { } rca && !(Uri.TryCreate(rca, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                throw file.At(at + ".rca", "\"rca\" must be an http(s) link to the post-incident RCA");
            }

            if (exception.Rca is null && rcaDue is null)
            {
                throw file.At(at, "an exception needs \"rca\" (a link to the post-incident RCA) or \"rcaDue\" (the day it is due)");
            }

            var card = exception.Card is null ? null : file.NotBlank(exception.Card, at + ".card");
            exceptions.Add(new ReleaseException(i, check, card, reason,
                string.IsNullOrWhiteSpace(exception.Approver) ? null : exception.Approver, exception.Rca, rcaDue, expires));
        }

        return exceptions;
    }

    private static DateOnly Date(Located file, string text, string jsonPath) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw file.At(jsonPath, $"\"{jsonPath[(jsonPath.LastIndexOf('.') + 1)..]}\" is \"{Text.Printable(text)}\"; expected a date in the form yyyy-MM-dd");

    [GeneratedRegex(@"^RPG[0-9]{3}$")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    /// <summary>A release file's text, for placing what is wrong with it.</summary>
    private sealed class Located(string path, ReadOnlyMemory<byte> utf8)
    {
        public string Path => path;

        public ReadOnlyMemory<byte> Utf8 => utf8;

        public (int Line, int Column, JsonTokenType Token, IReadOnlySet<string> Names)? Find(string jsonPath) => JsonProblem.Locate(utf8.Span, jsonPath);

        public InputException At(string jsonPath, string reason) =>
            Find(jsonPath) is { } found ? new InputException(path, reason, found.Line, found.Column) : new InputException(path, reason);

        public string NotBlank(string value, string jsonPath) =>
            string.IsNullOrWhiteSpace(value) ? throw At(jsonPath, $"\"{Name(jsonPath)}\" must not be empty") : value;

        /// <summary>
        /// What the serializer's <paramref name="exception"/> means for the person who wrote the
        /// file: a value the release file does not allow, a property an object lacks, or a value
        /// of the wrong kind.
        /// </summary>
        public InputException Explain(JsonException exception)
        {
            var jsonPath = exception.Path ?? "$";
            var name = Name(jsonPath);
            if (exception is WrongValueException)
            {
                return At(jsonPath, name is null ? exception.Message : $"\"{name}\" {exception.Message}");
            }

            var shape = Index().Replace(jsonPath, "[]");
            var found = Find(jsonPath);
            if (found is { Token: JsonTokenType.StartObject } && Required.TryGetValue(shape, out var required)
                && required.FirstOrDefault(r => !found.Value.Names.Contains(r)) is { } missing)
            {
                var reason = missing == "cards" ? "\"cards\" is required: the intake cards of the release" : $"\"{missing}\" is required";
                return new InputException(path, reason, found.Value.Line, found.Value.Column);
            }

            var wrongKind = WrongKind.TryGetValue(shape, out var known) ? known
                : name is not null ? $"\"{name}\" must be a string"
                : exception.Message;
            return found is { } at ? new InputException(path, wrongKind, at.Line, at.Column) : new InputException(path, wrongKind);
        }

        /// <summary>The property a path ends with, or null when it ends with an array index.</summary>
        private static string? Name(string jsonPath) =>
            jsonPath.EndsWith(']') || jsonPath.LastIndexOf('.') is var dot && dot < 0 ? null : jsonPath[(dot + 1)..];
    }
}
