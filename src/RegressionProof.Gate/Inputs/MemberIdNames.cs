using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;
using System.Text;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Type names as documentation-comment IDs write them in a parameter list (<c>System.Int32</c>,
/// <c>System.Collections.Generic.List{`0}</c>, <c>``0</c>, <c>System.Int32[]@</c>, a function
/// pointer as <c>=FUNC:</c>, as the manifest does), so the member IDs the gate makes from metadata
/// are the <c>symbol</c>s that <c>[Fixes]</c> links carry. For hashing
/// (<see cref="ForHashing"/>) custom modifiers and pinned locals are written too. Names of
/// compiler-generated types have their ordinals replaced (<see cref="Generated"/>): they count
/// the members before them, and an unrelated member added above would rename them.
/// </summary>
internal sealed class MemberIdNames(MetadataReader metadata, bool forHashing) : ISignatureTypeProvider<string, object?>
{
    private readonly Dictionary<TypeDefinitionHandle, string> _definitions = [];
    private readonly Dictionary<TypeReferenceHandle, string> _references = [];

    /// <summary>Whether modifiers, pinning and calling conventions are written (for hashing, not for IDs).</summary>
    public bool ForHashing => forHashing;

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode.ToString();

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        if (!_definitions.TryGetValue(handle, out var name))
        {
            var type = metadata.GetTypeDefinition(handle);
            var simple = Generated(metadata.GetString(type.Name));
            name = type.GetDeclaringType() is { IsNil: false } declaring
                ? GetTypeFromDefinition(reader, declaring, 0) + "." + simple
                : Qualified(metadata.GetString(type.Namespace), simple);
            _definitions.Add(handle, name);
        }

        return name;
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        if (!_references.TryGetValue(handle, out var name))
        {
            var reference = metadata.GetTypeReference(handle);
            var simple = Generated(metadata.GetString(reference.Name));
            name = reference.ResolutionScope.Kind == HandleKind.TypeReference
                ? GetTypeFromReference(reader, (TypeReferenceHandle)reference.ResolutionScope, 0) + "." + simple
                : Qualified(metadata.GetString(reference.Namespace), simple);
            _references.Add(handle, name);
        }

        return name;
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape)
    {
        var text = new StringBuilder(elementType).Append('[');
        for (var i = 0; i < shape.Rank; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var lower = i < shape.LowerBounds.Length ? shape.LowerBounds[i] : 0;
            text.Append(lower.ToString(CultureInfo.InvariantCulture)).Append(':');
            if (i < shape.Sizes.Length)
            {
                text.Append((lower + shape.Sizes[i] - 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.Append(']').ToString();
    }

    public string GetByReferenceType(string elementType) => elementType + "@";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => forHashing ? elementType + " pinned" : elementType;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        forHashing ? $"{unmodifiedType} {(isRequired ? "modreq" : "modopt")}({modifier})" : unmodifiedType;

    public string GetGenericMethodParameter(object? genericContext, int index) => "``" + index.ToString(CultureInfo.InvariantCulture);

    public string GetGenericTypeParameter(object? genericContext, int index) => "`" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>N.Outer`1.Inner</c> with its arguments: each type of the nesting takes as many as its
    /// arity marker says, <c>N.Outer{System.Int32}.Inner</c>.
    /// </summary>
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        var text = new StringBuilder(genericType.Length + 16 * typeArguments.Length);
        var next = 0;
        var segments = genericType.Split('.');
        for (var s = 0; s < segments.Length; s++)
        {
            if (s > 0)
            {
                text.Append('.');
            }

            var segment = segments[s];
            var tick = segment.LastIndexOf('`');
            if (tick < 0 || !int.TryParse(segment.AsSpan(tick + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var arity))
            {
                text.Append(segment);
                continue;
            }

            text.Append(segment, 0, tick).Append('{');
            for (var i = 0; i < arity && next < typeArguments.Length; i++, next++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(typeArguments[next]);
            }

            text.Append('}');
        }

        return text.ToString();
    }

    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        var text = new StringBuilder("=FUNC:");
        if (forHashing)
        {
            text.Append(signature.Header.CallingConvention.ToString()).Append(' ');
        }

        text.Append(signature.ReturnType);
        if (signature.ParameterTypes.Length > 0)
        {
            text.Append('(').AppendJoin(',', signature.ParameterTypes).Append(')');
        }

        return text.ToString();
    }

    /// <summary>
    /// The name of a compiler-generated type or member (it starts with <c>&lt;</c>) with the digits
    /// after its first <c>&gt;</c> written as <c>#</c> (its arity marker kept): they number it among
    /// the members of its type (<c>&lt;Total&gt;b__3_0</c>, <c>&lt;&gt;c__DisplayClass3_0</c>,
    /// <c>&lt;Total&gt;d__3</c>), so adding a member above would rename it. Other names are returned as they are.
    /// </summary>
    public static string Generated(string name)
    {
        if (name.Length == 0 || name[0] != '<')
        {
            return name;
        }

        var from = name.IndexOf('>', StringComparison.Ordinal);
        var to = name.LastIndexOf('`');
        to = to < from ? name.Length : to;
        if (from < 0)
        {
            return name;
        }

        var text = new StringBuilder(name.Length).Append(name, 0, from);
        for (var i = from; i < to; i++)
        {
            if (char.IsAsciiDigit(name[i]))
            {
                text.Append('#');
                while (i + 1 < to && char.IsAsciiDigit(name[i + 1]))
                {
                    i++;
                }
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.Append(name, to, name.Length - to).ToString();
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
