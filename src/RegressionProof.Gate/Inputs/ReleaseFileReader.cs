using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Analyzers.Infrastructure;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>Reads and validates <c>release.json</c> (schema: docs/schemas/release.v1.schema.json).</summary>
internal static class ReleaseFileReader
{
    private static readonly string[] Classes = ["patch", "minor", "major"];
    private static readonly string[] Lanes = ["standard", "fast-patch"];
    private static readonly string[] Reasons = ["regression", "sla-breach", "security", "cost-anomaly", "performance-anomaly", "feature"];
    private static readonly string[] Priorities = ["P0", "P1", "P2", "P3", "P4"];

    public static ReleaseFile Read(string path) => Parse(path, TextFile.Read(path, "release"));

    public static ReleaseFile Parse(string path, string text)
    {
        var root = JsonDocumentReader.Parse(text, out var syntaxError);
        if (root is null)
        {
            throw new InputException(path, syntaxError!.Message, syntaxError.Line, syntaxError.Column);
        }

        var reader = new NodeReader(path);
        reader.Expect(root, JsonNodeKind.Object, "the release file must be a JSON object");

        var version = reader.RequiredString(root, "version");
        var releaseClass = reader.RequiredEnum(root, "class", Classes) switch
        {
            "minor" => ReleaseClass.Minor,
            "major" => ReleaseClass.Major,
            _ => ReleaseClass.Patch,
        };
        var lane = (reader.OptionalEnum(root, "lane", Lanes) ?? "standard") == "fast-patch" ? ReleaseLane.FastPatch : ReleaseLane.Standard;

        var approvals = reader.OptionalArray(root, "approvals")
            .Select(node =>
            {
                reader.Expect(node, JsonNodeKind.Object, "an approval must be an object with \"role\" and \"by\"");
                return new Approval(reader.RequiredString(node, "role"), reader.RequiredString(node, "by"));
            })
            .ToList();

        var rollbackNode = root["rollback"];
        var rollback = new Rollback(null, false, false);
        if (rollbackNode is not null && rollbackNode.Kind != JsonNodeKind.Null)
        {
            reader.Expect(rollbackNode, JsonNodeKind.Object, "\"rollback\" must be an object");
            rollback = new Rollback(
                reader.OptionalString(rollbackNode, "plan"),
                reader.OptionalBool(rollbackNode, "tested") ?? false,
                reader.OptionalBool(rollbackNode, "stagedRollout") ?? false);
        }

        var cardsNode = root["cards"] ?? throw new InputException(path, "\"cards\" is required: the intake cards of the release", root.Line, root.Column);
        reader.Expect(cardsNode, JsonNodeKind.Array, "\"cards\" must be an array of cards");
        var seen = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var cards = new List<Card>();
        foreach (var node in cardsNode.Items)
        {
            reader.Expect(node, JsonNodeKind.Object, "a card must be an object");
            var id = reader.RequiredString(node, "id");
            if (seen.TryGetValue(id, out var first))
            {
                var at = node["id"]!;
                throw new InputException(path, $"card \"{id}\" is listed twice (first at line {first.Line})", at.Line, at.Column);
            }

            seen[id] = node;
            cards.Add(new Card(
                id,
                reader.OptionalString(node, "title"),
                reader.OptionalEnum(node, "priority", Priorities),
                reader.OptionalEnum(node, "reason", Reasons),
                reader.OptionalString(node, "owner"),
                reader.OptionalString(node, "backup"),
                reader.OptionalArray(node, "evidence").Select(e => reader.String(e, "an evidence link must be a string")).ToList()));
        }

        var retired = reader.OptionalArray(root, "retired")
            .Select(node => node.Kind == JsonNodeKind.Object ? reader.RequiredString(node, "id") : reader.String(node, "a retired card must be an ID string"))
            .ToList();

        return new ReleaseFile(path, version, releaseClass, lane, approvals, rollback, cards, retired);
    }

    /// <summary>Typed access to JSON nodes, failing with the file, line and column of the offending value.</summary>
    private sealed class NodeReader(string path)
    {
        public void Expect(JsonNode node, JsonNodeKind kind, string message)
        {
            if (node.Kind != kind)
            {
                throw new InputException(path, message, node.Line, node.Column);
            }
        }

        public string String(JsonNode node, string message)
        {
            Expect(node, JsonNodeKind.String, message);
            return node.AsString!;
        }

        public string RequiredString(JsonNode parent, string name)
        {
            var node = parent[name] ?? throw new InputException(path, $"\"{name}\" is required", parent.Line, parent.Column);
            var value = String(node, $"\"{name}\" must be a string");
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InputException(path, $"\"{name}\" must not be empty", node.Line, node.Column);
            }

            return value;
        }

        public string? OptionalString(JsonNode parent, string name)
        {
            var node = parent[name];
            return node is null || node.Kind == JsonNodeKind.Null ? null : String(node, $"\"{name}\" must be a string");
        }

        public bool? OptionalBool(JsonNode parent, string name)
        {
            var node = parent[name];
            if (node is null || node.Kind == JsonNodeKind.Null)
            {
                return null;
            }

            Expect(node, JsonNodeKind.Boolean, $"\"{name}\" must be true or false");
            return (bool)node.Value!;
        }

        public string RequiredEnum(JsonNode parent, string name, string[] allowed)
        {
            var value = RequiredString(parent, name);
            return Check(parent[name]!, name, value, allowed);
        }

        public string? OptionalEnum(JsonNode parent, string name, string[] allowed)
        {
            var value = OptionalString(parent, name);
            return value is null ? null : Check(parent[name]!, name, value, allowed);
        }

        public IReadOnlyList<JsonNode> OptionalArray(JsonNode parent, string name)
        {
            var node = parent[name];
            if (node is null || node.Kind == JsonNodeKind.Null)
            {
                return [];
            }

            Expect(node, JsonNodeKind.Array, $"\"{name}\" must be an array");
            return node.Items;
        }

        private string Check(JsonNode node, string name, string value, string[] allowed)
        {
            if (Array.IndexOf(allowed, value) < 0)
            {
                throw new InputException(path, $"\"{name}\" is \"{value}\"; expected one of {string.Join(", ", allowed)}", node.Line, node.Column);
            }

            return value;
        }
    }
}
