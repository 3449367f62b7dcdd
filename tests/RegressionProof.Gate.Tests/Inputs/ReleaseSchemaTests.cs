using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// docs/schemas/release.v1.schema.json, the contract people write release files against, and the
/// gate's reader agree: a file the schema accepts is read, the enumerations have the same names
/// in the same order, and a file the schema refuses is refused.
/// </summary>
public sealed class ReleaseSchemaTests
{
    /// <summary>Every optional property of the release file given as null.</summary>
    private const string WithNulls = """
        { "version": "1.0.1", "class": "patch", "lane": null, "approvals": null, "rollback": null,
          "cards": [ { "id": "A-1", "title": null, "priority": null, "reason": null, "owner": null, "backup": null, "evidence": null } ],
          "retired": null }
        """;

    public static TheoryData<string> AcceptedExamples =>
    [
        ReleaseFileReaderTests.Valid,
        """{ "version": "1.0.0", "class": "minor", "cards": [] }""",
        """{ "version": "3.0.0", "class": "major", "lane": "standard", "cards": [ { "id": "A-1", "title": "t", "priority": "P0", "reason": "feature", "owner": "o", "backup": "b", "evidence": [] } ] }""",
        """{ "version": "1.0.1", "class": "patch", "approvals": [], "rollback": {}, "cards": [ { "id": "A-1" } ], "retired": [] }""",
        """{ "version": "1.0.1", "class": "patch", "rollback": { "plan": "redeploy", "stagedRollout": true }, "cards": [ { "id": "A-1" } ] }""",
        """{ "version": "1.0.1", "class": "patch", "cards": [ { "id": "A-1" } ], "retired": ["A-0", { "id": "B-0" }, { "id": "C-0", "note": "kept for the object form's other properties" }] }""",
        """{ "version": "1.0.1", "class": "patch", "cards": [ { "id": "A-1", "team": "payments" } ], "x-tracker": { "board": 7 } }""",
        WithNulls,
        """{ "version": "1.0.1", "class": "patch", "rollback": { "plan": null, "tested": null, "stagedRollout": null }, "cards": [] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "card": "A-1", "reason": "r", "approver": "erin", "rcaDue": "2026-12-01", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "reason": "r", "rca": "https://wiki.example/rca", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": null }""",
        """{ "version": "2.5.0", "class": "minor", "cards": [], "docs": ["docs/gift-cards.md", "https://docs.example/v2.5"] }""",
        """{ "version": "3.0.0", "class": "major", "cards": [], "customerReadiness": { "by": "pat", "on": "2026-11-20" } }""",
        """{ "version": "1", "class": "patch", "cards": [], "docs": null, "customerReadiness": null }""",
        """{ "version": "1", "class": "patch", "rollback": { "plan": "p", "mechanism": "feature-flag" }, "deploy": { "at": "2026-11-24T09:30:00+01:00", "trafficCycle": "7d" }, "cards": [ { "id": "A-1", "status": "shipped", "monitoring": ["https://grafana.example/d/1"] } ] }""",
        """{ "version": "1", "class": "patch", "rollback": { "mechanism": null }, "deploy": { "at": "2026-11-24T09:30:00.250Z", "trafficCycle": null }, "cards": [ { "id": "A-1", "status": null, "monitoring": null } ] }""",
    ];

    public static TheoryData<string> RefusedExamples =>
    [
        """{ "class": "patch", "cards": [] }""",
        """{ "version": "1", "cards": [] }""",
        """{ "version": "1", "class": "patch" }""",
        """{ "version": "", "class": "patch", "cards": [] }""",
        """{ "version": "1", "class": "hotfix", "cards": [] }""",
        """{ "version": "1", "class": "patch", "lane": "express", "cards": [] }""",
        """{ "version": "1", "class": "patch", "approvals": [ { "role": "dri" } ], "cards": [] }""",
        """{ "version": "1", "class": "patch", "rollback": { "tested": "yes" }, "cards": [] }""",
        """{ "version": "1", "class": "patch", "cards": [ {} ] }""",
        """{ "version": "1", "class": "patch", "cards": [ { "id": "A-1", "priority": "P5" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [ { "id": "A-1", "reason": "whim" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [ { "id": "A-1", "evidence": [1] } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "retired": [7] }""",
        """{ "version": "1", "class": "patch", "cards": [], "retired": [ { "id": "" } ] }""",
        """{ "version": " ", "class": "patch", "cards": [] }""",
        """{ "version": "1", "class": "patch", "approvals": [ { "role": "\t", "by": "lee" } ], "cards": [] }""",
        """{ "version": "1", "class": "patch", "approvals": [ { "role": "dri", "by": " " } ], "cards": [] }""",
        """{ "version": "1", "class": "patch", "cards": [ { "id": "  " } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "retired": [ "" ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "retired": [ " " ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "retired": [ { "id": " " } ] }""",
        """["not", "an", "object"]""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": {} }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "reason": "r", "rcaDue": "2026-12-01", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "rcaDue": "2026-12-01", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "reason": "r", "rcaDue": "2026-12-01" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "reason": "r", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "reason": "r", "rca": null, "rcaDue": null, "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "evidence", "reason": "r", "rcaDue": "2026-12-01", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "reason": "r", "rcaDue": "2026-12-01", "expires": "31/12/2026" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "reason": "r", "rcaDue": "2026-13-01", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "reason": "r", "rca": "wiki/rca", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ { "check": "RPG003", "card": " ", "reason": "r", "rcaDue": "2026-12-01", "expires": "2026-12-31" } ] }""",
        """{ "version": "1", "class": "patch", "cards": [], "exceptions": [ null ] }""",
        """{ "version": "1", "class": "minor", "cards": [], "docs": "docs/a.md" }""",
        """{ "version": "1", "class": "minor", "cards": [], "docs": [ "" ] }""",
        """{ "version": "1", "class": "minor", "cards": [], "docs": [ 7 ] }""",
        """{ "version": "1", "class": "major", "cards": [], "customerReadiness": { "by": "pat" } }""",
        """{ "version": "1", "class": "major", "cards": [], "customerReadiness": { "on": "2026-11-20" } }""",
        """{ "version": "1", "class": "major", "cards": [], "customerReadiness": { "by": "pat", "on": "2026-02-30x" } }""",
        """{ "version": "1", "class": "major", "cards": [], "customerReadiness": "pat" }""",
        """{ "version": "1", "class": "patch", "rollback": { "mechanism": "pray" }, "cards": [] }""",
        """{ "version": "1", "class": "patch", "deploy": {}, "cards": [] }""",
        """{ "version": "1", "class": "patch", "deploy": { "at": "2026-11-24" }, "cards": [] }""",
        """{ "version": "1", "class": "patch", "deploy": { "at": "2026-11-24T09:30:00" }, "cards": [] }""",
        """{ "version": "1", "class": "patch", "deploy": { "at": "2026-11-24T09:30:00Z", "trafficCycle": "1 day" }, "cards": [] }""",
        """{ "version": "1", "class": "patch", "deploy": { "at": "2026-11-24T09:30:00Z", "trafficCycle": "0h" }, "cards": [] }""",
        """{ "version": "1", "class": "patch", "cards": [ { "id": "A-1", "monitoring": [1] } ] }""",
        """{ "version": "1", "class": "patch", "cards": [ { "id": "A-1", "status": 5 } ] }""",
    ];

    [Theory]
    [MemberData(nameof(AcceptedExamples))]
    public async Task A_release_file_the_schema_accepts_is_read(string json)
    {
        Assert.Empty((await Schema()).Validate(json));

        var release = ReleaseFileReader.Parse("release.json", json);

        Assert.False(string.IsNullOrEmpty(release.Version));
    }

    [Theory]
    [MemberData(nameof(RefusedExamples))]
    public async Task A_release_file_the_schema_refuses_is_refused(string json)
    {
        Assert.NotEmpty((await Schema()).Validate(json));

        var error = Assert.Throws<InputException>(() => ReleaseFileReader.Parse("release.json", json));

        Assert.StartsWith("release.json(1,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_enumerates_exactly_the_values_the_reader_knows_in_the_same_order()
    {
        var schema = await Schema();
        var card = schema.Properties["cards"].Item!.ActualSchema;

        Assert.Equal(Names(schema.Properties["class"]), WireNames.Class.Names);
        Assert.Equal(Names(schema.Properties["lane"]), WireNames.Lane.Names);
        Assert.Equal(Names(card.Properties["priority"]), WireNames.Priority.Names);
        Assert.Equal(Names(card.Properties["reason"]), WireNames.Reason.Names);
        Assert.Equal(Names(schema.Properties["rollback"].ActualSchema.Properties["mechanism"]), WireNames.Mechanism.Names);
    }

    [Fact]
    public async Task Every_enumerated_value_of_the_schema_is_read_as_the_value_of_that_name()
    {
        var schema = await Schema();
        var card = schema.Properties["cards"].Item!.ActualSchema;

        foreach (var (releaseClass, lane) in Names(schema.Properties["class"]).SelectMany(c => Names(schema.Properties["lane"]), (c, l) => (c, l)))
        {
            var release = ReleaseFileReader.Parse("release.json", $$"""{ "version": "1", "class": "{{releaseClass}}", "lane": "{{lane}}", "cards": [] }""");
            Assert.Equal((releaseClass, lane), (WireNames.Of(release.Class), WireNames.Of(release.Lane)));
        }

        foreach (var priority in Names(card.Properties["priority"]))
        {
            var read = ReleaseFileReader.Parse("release.json", $$"""{ "version": "1", "class": "patch", "cards": [ { "id": "A-1", "priority": "{{priority}}" } ] }""").Cards[0];
            Assert.Equal(priority, WireNames.Of(read.Priority!.Value));
        }

        foreach (var reason in Names(card.Properties["reason"]))
        {
            var read = ReleaseFileReader.Parse("release.json", $$"""{ "version": "1", "class": "patch", "cards": [ { "id": "A-1", "reason": "{{reason}}" } ] }""").Cards[0];
            Assert.Equal(reason, WireNames.Of(read.Reason!.Value));
        }
    }

    [Fact]
    public void Null_for_an_optional_property_is_read_as_if_it_were_left_out()
    {
        var withNulls = ReleaseFileReader.Parse("release.json", WithNulls);
        var leftOut = ReleaseFileReader.Parse("release.json", """{ "version": "1.0.1", "class": "patch", "cards": [ { "id": "A-1" } ] }""");

        Assert.Equal((leftOut.Lane, leftOut.Rollback), (withNulls.Lane, withNulls.Rollback));
        Assert.Equal(leftOut.Approvals, withNulls.Approvals);
        Assert.Equal(leftOut.Retired, withNulls.Retired);
        Assert.Equal(leftOut.Cards[0] with { Evidence = Array.Empty<string>() }, withNulls.Cards[0] with { Evidence = Array.Empty<string>() });
        Assert.Equal(leftOut.Cards[0].Evidence, withNulls.Cards[0].Evidence);
    }

    /// <summary>
    /// Walks every object of the release file through the schema, so that a property added to one
    /// of them is checked too: where the schema leaves a property out of "required", both take
    /// null for it; where it requires a string, both refuse white space alone.
    /// </summary>
    [Fact]
    public async Task Every_optional_property_takes_null_and_no_required_string_takes_white_space_alone()
    {
        var schema = await Schema();
        var objects = new (string Where, JsonSchema Schema, Func<JsonObject, JsonObject> In)[]
        {
            ("the release", schema, root => root),
            ("an approval", schema.Properties["approvals"].Item!.ActualSchema, root => root["approvals"]![0]!.AsObject()),
            ("the rollback", schema.Properties["rollback"].ActualSchema, root => root["rollback"]!.AsObject()),
            ("a card", schema.Properties["cards"].Item!.ActualSchema, root => root["cards"]![0]!.AsObject()),
            ("an exception", schema.Properties["exceptions"].Item!.ActualSchema, root => root["exceptions"]![0]!.AsObject()),
            ("the customer-readiness check", schema.Properties["customerReadiness"].ActualSchema, root => root["customerReadiness"]!.AsObject()),
            ("the deploy record", schema.Properties["deploy"].ActualSchema, root => root["deploy"]!.AsObject()),
        };

        var checkedProperties = 0;
        foreach (var (where, objectSchema, select) in objects)
        {
            foreach (var (name, property) in objectSchema.Properties)
            {
                var required = objectSchema.RequiredProperties.Contains(name);
                if (required && !property.ActualSchema.Type.HasFlag(JsonObjectType.String))
                {
                    continue; // "class" and "cards": their wrong values are the refused examples above
                }

                var root = JsonNode.Parse("""{ "version": "1", "class": "patch", "approvals": [ { "role": "dri", "by": "lee" } ], "rollback": {}, "cards": [ { "id": "A-1" } ], "retired": [], "exceptions": [ { "check": "RPG003", "card": "A-1", "reason": "r", "approver": "erin", "rca": "https://wiki.example/rca", "rcaDue": "2026-12-01", "expires": "2026-12-31" } ], "docs": ["docs/a.md"], "customerReadiness": { "by": "pat", "on": "2026-11-20" }, "deploy": { "at": "2026-11-24T09:30:00Z", "trafficCycle": "24h" } }""")!.AsObject();
                select(root)[name] = required ? " " : null;
                var json = root.ToJsonString();
                checkedProperties++;

                if (required)
                {
                    Assert.True(schema.Validate(json).Count > 0, $"the schema takes white space alone as {where}'s \"{name}\"");
                    Assert.StartsWith("release.json(1,", Assert.Throws<InputException>(() => ReleaseFileReader.Parse("release.json", json)).Message, StringComparison.Ordinal);
                }
                else
                {
                    Assert.True(schema.Validate(json).Count == 0, $"the schema refuses null as {where}'s \"{name}\"");
                    ReleaseFileReader.Parse("release.json", json);
                }
            }
        }

        Assert.InRange(checkedProperties, 25, int.MaxValue); // the walk reached every object
    }

    /// <summary>The names an enumeration lists; its null (the property left out) is no name.</summary>
    private static IReadOnlyList<string> Names(JsonSchemaProperty property) => property.ActualSchema.Enumeration.OfType<string>().ToList();

    private static Task<JsonSchema> Schema() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "release.v1.schema.json"));
}
