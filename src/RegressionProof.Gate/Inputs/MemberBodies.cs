using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// A hash of the compiled code of every member an assembly's source declares, keyed by the member's
/// documentation-comment ID (<c>M:</c>, <c>P:</c>, <c>E:</c>), for the scope report (RPG016;
/// docs/gate.md, "Scope report"). A member's hash covers its signature and its IL body, the
/// accessors of a property or event, and the compiler-generated code it owns: the lambdas, local
/// functions and display-class methods its IL reaches, and all methods of the state machine of an
/// async method or iterator. Every metadata token in the IL is resolved to the name of what it
/// names, and a user string to its text, so the numbering of rows and strings (which an unrelated
/// member added elsewhere shifts) never changes a hash; names of compiler-generated types and
/// members lose their ordinals (<see cref="MemberIdNames.Generated"/>) for the same reason.
/// </summary>
internal sealed class MemberBodies
{
    private readonly PEReader _pe;
    private readonly MetadataReader _metadata;
    private readonly MemberIdNames _ids;
    private readonly MemberIdNames _names;
    private readonly Dictionary<int, (string Name, MethodDefinitionHandle[] Generated)> _tokens = [];
    private readonly Dictionary<TypeDefinitionHandle, bool> _generatedTypes = [];
    private readonly List<byte> _bytes = new(4096);

    private MemberBodies(PEReader pe, MetadataReader metadata)
    {
        _pe = pe;
        _metadata = metadata;
        _ids = new MemberIdNames(metadata, forHashing: false);
        _names = new MemberIdNames(metadata, forHashing: true);
    }

    /// <summary>The hash of each member the source of the assembly declares, by member ID, in ordinal order.</summary>
    public static SortedDictionary<string, string> Of(PEReader pe, MetadataReader metadata)
    {
        var reader = Reading(pe, metadata);
        foreach (var handle in metadata.TypeDefinitions)
        {
            reader.Add(handle);
        }

        return reader.Hashes;
    }

    /// <summary>A reader that the caller gives each type definition (<see cref="Add(TypeDefinitionHandle)"/>), in the pass it makes over them anyway.</summary>
    public static MemberBodies Reading(PEReader pe, MetadataReader metadata) => new(pe, metadata);

    /// <summary>The hashes of the members of the types added so far, by member ID.</summary>
    public SortedDictionary<string, string> Hashes { get; } = new(StringComparer.Ordinal);

    /// <summary>The first 16 hexadecimal digits of a SHA-256: a member's hash.</summary>
    public const int HashLength = 16;

    /// <summary>Hashes the members of a type (nothing for a type the compiler generated).</summary>
    public void Add(TypeDefinitionHandle handle)
    {
        var hashes = Hashes;
        var type = _metadata.GetTypeDefinition(handle);
        if (IsGenerated(handle) && !HoldsTopLevelStatements(type))
        {
            return; // its code is counted with the member that owns it
        }

        var container = _ids.GetTypeFromDefinition(_metadata, handle, 0);
        var accessors = new HashSet<MethodDefinitionHandle>();
        foreach (var propertyHandle in type.GetProperties())
        {
            var property = _metadata.GetPropertyDefinition(propertyHandle);
            var signature = property.DecodeSignature(_ids, null);
            var id = "P:" + container + "." + Escaped(_metadata.GetString(property.Name)) + Parameters(signature.ParameterTypes);
            var methods = property.GetAccessors();
            Put(hashes, id, Hash(property.DecodeSignature(_names, null), [methods.Getter, methods.Setter, .. methods.Others], accessors));
        }

        foreach (var eventHandle in type.GetEvents())
        {
            var definition = _metadata.GetEventDefinition(eventHandle);
            var id = "E:" + container + "." + Escaped(_metadata.GetString(definition.Name));
            var methods = definition.GetAccessors();
            Put(hashes, id, Hash(null, [methods.Adder, methods.Remover, methods.Raiser, .. methods.Others], accessors));
        }

        foreach (var methodHandle in type.GetMethods())
        {
            if (accessors.Contains(methodHandle))
            {
                continue;
            }

            var method = _metadata.GetMethodDefinition(methodHandle);
            var name = _metadata.GetString(method.Name);

            // Top-level statements are the user's code in a method the compiler names.
            if (name.StartsWith('<') && name != "<Main>$")
            {
                continue;
            }

            var signature = method.DecodeSignature(_ids, null);
            var id = "M:" + container + "." + Escaped(name)
                + (signature.GenericParameterCount > 0 ? "``" + signature.GenericParameterCount.ToString(CultureInfo.InvariantCulture) : string.Empty)
                + Parameters(signature.ParameterTypes)
                + (name is "op_Implicit" or "op_Explicit" ? "~" + signature.ReturnType : string.Empty);
            Put(hashes, id, Hash(null, [methodHandle], accessors: null));
        }
    }

    // Two members cannot share an ID in C#; should another language's assembly have two, both hashes are kept.
    private static void Put(SortedDictionary<string, string> hashes, string id, string hash) =>
        hashes[id] = hashes.TryGetValue(id, out var other) ? Model.MemberHashes.Merge(other, hash) : hash;

    /// <summary>A member name as IDs write it: <c>.ctor</c> is <c>#ctor</c>, <c>I.M</c> (explicit) is <c>I#M</c>, <c>I&lt;T&gt;</c> is <c>I{T}</c>.</summary>
    private static string Escaped(string name) => name.Replace('.', '#').Replace('<', '{').Replace('>', '}');

    private static string Parameters(IReadOnlyList<string> types) => types.Count == 0 ? string.Empty : "(" + string.Join(",", types) + ")";

    // ---- hashing ----

    private string Hash(MethodSignature<string>? propertySignature, MethodDefinitionHandle[] roots, HashSet<MethodDefinitionHandle>? accessors)
    {
        _bytes.Clear();
        if (propertySignature is { } signature)
        {
            Write(Signature(signature));
        }

        var queue = new Queue<MethodDefinitionHandle>();
        var seen = new HashSet<MethodDefinitionHandle>();
        foreach (var root in roots)
        {
            if (!root.IsNil && seen.Add(root))
            {
                accessors?.Add(root);
                queue.Enqueue(root);
            }
        }

        while (queue.Count > 0)
        {
            WriteMethod(queue.Dequeue(), queue, seen);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes), hash);
        return Convert.ToHexStringLower(hash[..(HashLength / 2)]);
    }

    private void WriteMethod(MethodDefinitionHandle handle, Queue<MethodDefinitionHandle> queue, HashSet<MethodDefinitionHandle> seen)
    {
        var method = _metadata.GetMethodDefinition(handle);
        Write("method ");
        Write(MemberIdNames.Generated(_metadata.GetString(method.Name)));
        Write(Signature(method.DecodeSignature(_names, null)));
        if (method.RelativeVirtualAddress == 0)
        {
            Write(" no body\n");
            return;
        }

        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        Write(" stack " + body.MaxStack.ToString(CultureInfo.InvariantCulture) + (body.LocalVariablesInitialized ? " init" : string.Empty));
        if (!body.LocalSignature.IsNil)
        {
            var locals = _metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_names, null);
            Write(" locals(" + string.Join(",", locals) + ")");
        }

        foreach (var region in body.ExceptionRegions)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $" region {region.Kind} {region.TryOffset}+{region.TryLength} {region.HandlerOffset}+{region.HandlerLength} {region.FilterOffset} "));
            if (!region.CatchType.IsNil)
            {
                Write(TokenName(MetadataTokens.GetToken(region.CatchType), queue, seen));
            }
        }

        Write("\n");
        WriteIL(body.GetILReader(), queue, seen);
    }

    /// <summary>The IL with every token written as the name it resolves to; the code it reaches that the compiler generated is queued.</summary>
    private void WriteIL(BlobReader il, Queue<MethodDefinitionHandle> queue, HashSet<MethodDefinitionHandle> seen)
    {
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var second = first == 0xFE && il.RemainingBytes > 0 ? il.ReadByte() : (byte)0;
            _bytes.Add(first);
            if (first == 0xFE)
            {
                _bytes.Add(second);
            }

            if (ILOperands.Of(first, second, out _) is not { } operand)
            {
                // Not an opcode: the body is not one a compiler writes. The rest is hashed as bytes.
                WriteBytes(il.ReadBytes(il.RemainingBytes));
                return;
            }

            if (operand == OperandType.InlineSwitch)
            {
                var count = il.ReadInt32();
                WriteBytes(BitConverter.GetBytes(count));
                WriteBytes(il.ReadBytes(Math.Min(il.RemainingBytes, checked(count * 4))));
            }
            else if (ILOperands.IsToken(operand))
            {
                // Length first, so no text can pass for the end of another.
                var token = il.ReadInt32();
                var name = operand == OperandType.InlineString ? "\"" + _metadata.GetUserString(MetadataTokens.UserStringHandle(token & 0xFFFFFF)) : TokenName(token, queue, seen);
                Write(name.Length.ToString(CultureInfo.InvariantCulture) + ":" + name);
            }
            else
            {
                WriteBytes(il.ReadBytes(Math.Min(il.RemainingBytes, ILOperands.Size(operand))));
            }
        }
    }

    /// <summary>
    /// What a token names: a type, field or method by its declaring type, name and signature. A
    /// method the compiler generated (a lambda, a local function) is queued to be hashed with the
    /// member, and so is every method of a state machine whose field or method the IL uses.
    /// </summary>
    private string TokenName(int token, Queue<MethodDefinitionHandle> queue, HashSet<MethodDefinitionHandle> seen)
    {
        // A body names the same few members again and again: each token is resolved once.
        if (!_tokens.TryGetValue(token, out var resolved))
        {
            var handle = MetadataTokens.EntityHandle(token);
            resolved = (NameOf(handle), [.. GeneratedMethodsOf(handle)]);
            _tokens.Add(token, resolved);
        }

        foreach (var generated in resolved.Generated)
        {
            if (seen.Add(generated))
            {
                queue.Enqueue(generated);
            }
        }

        return resolved.Name;
    }

    private string NameOf(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
            case HandleKind.TypeReference:
            case HandleKind.TypeSpecification:
                return TypeName(handle);
            case HandleKind.FieldDefinition:
            {
                var field = _metadata.GetFieldDefinition((FieldDefinitionHandle)handle);
                return TypeName(field.GetDeclaringType()) + "::" + MemberIdNames.Generated(_metadata.GetString(field.Name)) + " " + field.DecodeSignature(_names, null);
            }

            case HandleKind.MethodDefinition:
            {
                var method = _metadata.GetMethodDefinition((MethodDefinitionHandle)handle);
                return TypeName(method.GetDeclaringType()) + "::" + MemberIdNames.Generated(_metadata.GetString(method.Name)) + Signature(method.DecodeSignature(_names, null));
            }

            case HandleKind.MemberReference:
            {
                var member = _metadata.GetMemberReference((MemberReferenceHandle)handle);
                var parent = member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification
                    ? TypeName(member.Parent)
                    : NameOf(member.Parent);
                var signature = member.GetKind() == MemberReferenceKind.Field
                    ? " " + member.DecodeFieldSignature(_names, null)
                    : Signature(member.DecodeMethodSignature(_names, null));
                return parent + "::" + MemberIdNames.Generated(_metadata.GetString(member.Name)) + signature;
            }

            case HandleKind.MethodSpecification:
            {
                var specification = _metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                return NameOf(specification.Method) + "<" + string.Join(",", specification.DecodeSignature(_names, null)) + ">";
            }

            case HandleKind.StandaloneSignature:
                return "calli" + Signature(_metadata.GetStandaloneSignature((StandaloneSignatureHandle)handle).DecodeMethodSignature(_names, null));
            case HandleKind.ModuleReference:
                return "module " + _metadata.GetString(_metadata.GetModuleReference((ModuleReferenceHandle)handle).Name);
            default:
                return "?" + handle.Kind.ToString();
        }
    }

    private string TypeName(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => _names.GetTypeFromDefinition(_metadata, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeReference => _names.GetTypeFromReference(_metadata, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => _names.GetTypeFromSpecification(_metadata, null, (TypeSpecificationHandle)handle, 0),
        _ => "?",
    };

    private static string Signature(MethodSignature<string> signature) =>
        string.Create(CultureInfo.InvariantCulture, $"({signature.Header.RawValue}`{signature.GenericParameterCount}:{string.Join(",", signature.ParameterTypes)})~{signature.ReturnType}");

    // ---- the code the compiler generated for a member ----

    /// <summary>The compiler-generated methods a token makes part of the member that uses it.</summary>
    private IEnumerable<MethodDefinitionHandle> GeneratedMethodsOf(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
            {
                var method = _metadata.GetMethodDefinition((MethodDefinitionHandle)handle);
                var declaring = method.GetDeclaringType();
                if (IsStateMachine(declaring))
                {
                    return MethodsOf(declaring);
                }

                return IsGenerated(declaring) || _metadata.GetString(method.Name).StartsWith('<') ? [(MethodDefinitionHandle)handle] : [];
            }

            case HandleKind.FieldDefinition:
            {
                var declaring = _metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType();
                return IsStateMachine(declaring) ? MethodsOf(declaring) : [];
            }

            case HandleKind.MemberReference:
            {
                // A member of a generic generated type (a display class or state machine of a generic method).
                var member = _metadata.GetMemberReference((MemberReferenceHandle)handle);
                if (DefinitionOf(member.Parent) is not { } declaring || !IsGenerated(declaring))
                {
                    return [];
                }

                if (IsStateMachine(declaring))
                {
                    return MethodsOf(declaring);
                }

                var found = new List<MethodDefinitionHandle>();
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    foreach (var candidate in _metadata.GetTypeDefinition(declaring).GetMethods())
                    {
                        if (_metadata.StringComparer.Equals(_metadata.GetMethodDefinition(candidate).Name, _metadata.GetString(member.Name)))
                        {
                            found.Add(candidate);
                        }
                    }
                }

                return found;
            }

            case HandleKind.MethodSpecification:
                return GeneratedMethodsOf(_metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return [];
        }
    }

    /// <summary>The type definition a type token names, or that a generic instantiation instantiates.</summary>
    private TypeDefinitionHandle? DefinitionOf(EntityHandle handle)
    {
        if (handle.Kind == HandleKind.TypeDefinition)
        {
            return (TypeDefinitionHandle)handle;
        }

        if (handle.Kind != HandleKind.TypeSpecification)
        {
            return null;
        }

        var blob = _metadata.GetBlobReader(_metadata.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return null;
        }

        blob.ReadCompressedInteger(); // class or value type
        var generic = blob.ReadTypeHandle();
        return generic.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)generic : null;
    }

    /// <summary>
    /// Whether the compiler generated the type (its name starts with <c>&lt;</c>, it is marked
    /// <c>[CompilerGenerated]</c>, or it is nested in such a type): the code in it belongs to the
    /// members that use it, or (embedded attributes, the module type) to no member of the source.
    /// </summary>
    private bool IsGenerated(TypeDefinitionHandle handle)
    {
        if (!_generatedTypes.TryGetValue(handle, out var generated))
        {
            var type = _metadata.GetTypeDefinition(handle);
            generated = _metadata.GetString(type.Name).StartsWith('<')
                || HasCompilerGeneratedAttribute(type)
                || type.GetDeclaringType() is { IsNil: false } declaring && IsGenerated(declaring);
            _generatedTypes.Add(handle, generated);
        }

        return generated;
    }

    private List<MethodDefinitionHandle> MethodsOf(TypeDefinitionHandle type)
    {
        var methods = new List<MethodDefinitionHandle>();
        foreach (var method in _metadata.GetTypeDefinition(type).GetMethods())
        {
            methods.Add(method);
        }

        return methods;
    }

    /// <summary>The class of top-level statements, which the compiler marks generated: its <c>&lt;Main&gt;$</c> is the user's code.</summary>
    private bool HoldsTopLevelStatements(TypeDefinition type)
    {
        foreach (var method in type.GetMethods())
        {
            if (_metadata.StringComparer.Equals(_metadata.GetMethodDefinition(method).Name, "<Main>$"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The state machine of an async method or iterator: <c>&lt;Name&gt;d__N</c>, one per method.</summary>
    private bool IsStateMachine(TypeDefinitionHandle handle)
    {
        var name = _metadata.GetString(_metadata.GetTypeDefinition(handle).Name);
        return name.StartsWith('<') && name.Contains(">d__", StringComparison.Ordinal);
    }

    private bool HasCompilerGeneratedAttribute(TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var constructor = _metadata.GetCustomAttribute(handle).Constructor;
            var attributeType = constructor.Kind switch
            {
                HandleKind.MemberReference => _metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent,
                HandleKind.MethodDefinition => _metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
                _ => default,
            };
            if (!attributeType.IsNil && TypeName(attributeType) == "System.Runtime.CompilerServices.CompilerGeneratedAttribute")
            {
                return true;
            }
        }

        return false;
    }

    // ---- bytes ----

    private void Write(string text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        var start = _bytes.Count;
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(_bytes, start + count);
        Encoding.UTF8.GetBytes(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes)[start..]);
    }

    private void WriteBytes(byte[] bytes) => _bytes.AddRange(bytes);
}
