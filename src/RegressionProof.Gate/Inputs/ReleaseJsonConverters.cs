using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// A value of the right JSON kind that the release file does not allow. <see cref="JsonException.Path"/>
/// (set by the serializer) says where; <see cref="Exception.Message"/> is the reason, after the name.
/// </summary>
internal sealed class WrongValueException(string reason) : JsonException(reason);

/// <summary>Reads an enumeration by its wire names; anything else is an error naming them all.</summary>
internal abstract class WireEnumConverter<T>(WireEnum<T> names) : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // No reason given: the reader reports a value of the wrong kind ("must be a string").
            throw new JsonException();
        }

        var name = reader.GetString()!;
        return names.TryParse(name, out var value)
            ? value
            : throw new WrongValueException($"is \"{Text.Printable(name)}\"; expected one of {string.Join(", ", names.Names)}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(names.NameOf(value));
}

internal sealed class ClassConverter() : WireEnumConverter<ReleaseClass>(WireNames.Class);

internal sealed class LaneConverter() : WireEnumConverter<ReleaseLane>(WireNames.Lane);

internal sealed class PriorityConverter() : WireEnumConverter<CardPriority>(WireNames.Priority);

internal sealed class ReasonConverter() : WireEnumConverter<CardReason>(WireNames.Reason);

internal sealed class MechanismConverter() : WireEnumConverter<RollbackMechanism>(WireNames.Mechanism);

/// <summary>
/// A retired card as an ID string or as an object with an <c>"id"</c> (other properties of the
/// object are left alone, as they are elsewhere in the file).
/// </summary>
internal sealed class RetiredCardConverter : JsonConverter<RetiredCardJson>
{
    public override bool HandleNull => true;

    public override RetiredCardJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var retiredId = reader.GetString()!;
            return string.IsNullOrWhiteSpace(retiredId) ? throw new WrongValueException(ReleaseFileReader.RetiredIdIsEmpty) : new RetiredCardJson(retiredId);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new WrongValueException(ReleaseFileReader.RetiredIsNotAnId);
        }

        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "id")
            {
                id = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new WrongValueException("\"id\" must be a string");
            }
            else
            {
                reader.Skip();
            }
        }

        return id is null ? throw new WrongValueException("\"id\" is required")
            : string.IsNullOrWhiteSpace(id) ? throw new WrongValueException("\"id\" must not be empty")
            : new RetiredCardJson(id);
    }

    public override void Write(Utf8JsonWriter writer, RetiredCardJson value, JsonSerializerOptions options) => writer.WriteStringValue(value.Id);
}
