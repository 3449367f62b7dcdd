using System.Collections.Generic;
using System.Text.Json.Serialization;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// <c>release.json</c> as it is written (docs/schemas/release.v1.schema.json): what the file must
/// say is <c>required</c>, what it may leave out is nullable. <see cref="ReleaseFileReader"/>
/// checks what the types cannot say (no empty IDs, no null in a list) and builds the model.
/// </summary>
internal sealed record ReleaseFileJson
{
    public required string Version { get; init; }

    public required ReleaseClass Class { get; init; }

    public ReleaseLane? Lane { get; init; }

    public IReadOnlyList<ApprovalJson?>? Approvals { get; init; }

    public RollbackJson? Rollback { get; init; }

    public required IReadOnlyList<CardJson?> Cards { get; init; }

    public IReadOnlyList<RetiredCardJson>? Retired { get; init; }

    public IReadOnlyList<ExceptionJson?>? Exceptions { get; init; }

    public IReadOnlyList<string?>? Docs { get; init; }

    public CustomerReadinessJson? CustomerReadiness { get; init; }

    public DeployJson? Deploy { get; init; }
}

/// <summary>A major release's customer-readiness check; its date is read as text so that a wrong one is told in the file's words.</summary>
internal sealed record CustomerReadinessJson
{
    public required string By { get; init; }

    public required string On { get; init; }
}

/// <summary>The post-deploy record that <c>close-out</c> reads; its time and duration are read as text so that a wrong one is told in the file's words.</summary>
internal sealed record DeployJson
{
    public required string At { get; init; }

    public string? TrafficCycle { get; init; }
}

/// <summary>An audited exception; its dates are read as text so that a wrong one is told in the file's words.</summary>
internal sealed record ExceptionJson
{
    public required string Check { get; init; }

    public string? Card { get; init; }

    public required string Reason { get; init; }

    public string? Approver { get; init; }

    public string? Rca { get; init; }

    public string? RcaDue { get; init; }

    public required string Expires { get; init; }
}

internal sealed record ApprovalJson
{
    public required string Role { get; init; }

    public required string By { get; init; }
}

internal sealed record RollbackJson
{
    public string? Plan { get; init; }

    public bool? Tested { get; init; }

    public bool? StagedRollout { get; init; }

    public RollbackMechanism? Mechanism { get; init; }
}

internal sealed record CardJson
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public CardPriority? Priority { get; init; }

    public CardReason? Reason { get; init; }

    public string? Owner { get; init; }

    public string? Backup { get; init; }

    public IReadOnlyList<string?>? Evidence { get; init; }

    public string? Status { get; init; }

    public IReadOnlyList<string?>? Monitoring { get; init; }
}

/// <summary>A card of an earlier release, written as its ID (<c>"INTAKE-7"</c>) or as <c>{ "id": "INTAKE-7" }</c>.</summary>
[JsonConverter(typeof(RetiredCardConverter))]
internal sealed record RetiredCardJson(string Id);

/// <summary>
/// The generated reader of <see cref="ReleaseFileJson"/>. A name given twice, a null where the
/// type has none, and nesting deeper than the release file needs are errors.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    MaxDepth = ReleaseJsonSyntax.MaxDepth,
    Converters = [typeof(ClassConverter), typeof(LaneConverter), typeof(PriorityConverter), typeof(ReasonConverter), typeof(MechanismConverter)])]
[JsonSerializable(typeof(ReleaseFileJson))]
internal sealed partial class ReleaseFileJsonContext : JsonSerializerContext;
