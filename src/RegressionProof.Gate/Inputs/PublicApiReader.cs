using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// The public API of an assembly from its metadata, as <see cref="ApiEntry"/> lines: every type and
/// member that code in another assembly can see (public, protected, protected internal, of a type
/// that is itself visible), each with what ApiCompat and PublicApiAnalyzers compare — member kind,
/// signature with <c>ref</c>/<c>out</c>/<c>in</c>, accessibility, static/abstract/virtual/override/
/// sealed, readonly and required, constant and enum values, parameter defaults and <c>params</c>,
/// generic constraints and variance, base type and implemented interfaces, type modifiers.
/// </summary>
internal sealed class PublicApiReader(MetadataReader metadata, ApiTypeNames names)
{
    private readonly List<string> _lines = [];
    private readonly HashSet<MethodDefinitionHandle> _accessors = [];
    private readonly List<string> _tokens = [];
    private readonly List<string> _parameterTokens = [];
    private readonly List<string> _items = [];
    private readonly StringBuilder _text = new();
    private Parameter?[] _rows = new Parameter?[8];

    /// <summary>The public API of the assembly, as sorted lines.</summary>
    public static IReadOnlyList<string> Read(MetadataReader metadata)
    {
        var reader = new PublicApiReader(metadata, new ApiTypeNames(metadata));
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (IsVisible(metadata, type))
            {
                reader.Add(type);
            }
        }

        return reader.Lines();
    }

    public static bool IsVisible(MetadataReader metadata, TypeDefinition type) => (type.Attributes & TypeAttributes.VisibilityMask) switch
    {
        TypeAttributes.Public => true,
        TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem =>
            IsVisible(metadata, metadata.GetTypeDefinition(type.GetDeclaringType())),
        _ => false,
    };

    /// <summary>Adds the entries of a visible type and its members.</summary>
    public void Add(TypeDefinition type) => new TypeReader(this, metadata, names, type, GenericNames(metadata, type.GetGenericParameters())).Read();

    /// <summary>The entries added so far, sorted, each once.</summary>
    public List<string> Lines() => OrdinalLines.SortDistinct(_lines);

    private static ImmutableArray<string> GenericNames(MetadataReader metadata, GenericParameterHandleCollection parameters)
    {
        if (parameters.Count == 0)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>(parameters.Count);
        foreach (var handle in parameters)
        {
            result.Add(metadata.GetString(metadata.GetGenericParameter(handle).Name));
        }

        return result.MoveToImmutable();
    }

    private sealed class TypeReader(PublicApiReader reader, MetadataReader metadata, ApiTypeNames names, TypeDefinition type, ImmutableArray<string> genericParameters)
    {
        private readonly ApiGenericContext _context = new(genericParameters, []);
        private readonly string _name = names.Of(type, genericParameters);

        // Decoded once for the kind and the description; an interface's is never read.
        private readonly string? _baseType = (type.Attributes & TypeAttributes.Interface) != 0 || type.BaseType.IsNil
            ? null
            : names.Of(type.BaseType, new ApiGenericContext(genericParameters, []));

        public void Read()
        {
            var kind = Kind();
            Add(kind + " " + _name, TypeDescription(kind));

            var accessors = reader._accessors;
            accessors.Clear();
            foreach (var handle in type.GetProperties())
            {
                var property = metadata.GetPropertyDefinition(handle);
                var methods = property.GetAccessors();
                accessors.Add(methods.Getter);
                accessors.Add(methods.Setter);
                Property(property);
            }

            foreach (var handle in type.GetEvents())
            {
                var @event = metadata.GetEventDefinition(handle);
                var methods = @event.GetAccessors();
                accessors.Add(methods.Adder);
                accessors.Add(methods.Remover);
                accessors.Add(methods.Raiser);
                Event(@event);
            }

            foreach (var handle in type.GetMethods())
            {
                if (!accessors.Contains(handle))
                {
                    Method(metadata.GetMethodDefinition(handle));
                }
            }

            foreach (var handle in type.GetFields())
            {
                Field(metadata.GetFieldDefinition(handle), kind == "enum");
            }
        }

        private void Add(string identity, string description) => reader._lines.Add(ApiEntry.LineOf(identity, description));

        private string Kind()
        {
            if ((type.Attributes & TypeAttributes.Interface) != 0)
            {
                return "interface";
            }

            return _baseType switch
            {
                "System.Enum" => "enum",
                "System.ValueType" when _name != "System.Enum" => "struct",
                "System.MulticastDelegate" => "delegate",
                _ => "class",
            };
        }

        private string TypeDescription(string kind)
        {
            var tokens = Tokens();
            tokens.Add(Accessibility(type.Attributes & TypeAttributes.VisibilityMask));
            var attributes = type.Attributes;
            if (kind == "class")
            {
                var isAbstract = (attributes & TypeAttributes.Abstract) != 0;
                var isSealed = (attributes & TypeAttributes.Sealed) != 0;
                tokens.Add(isAbstract && isSealed ? "static" : isAbstract ? "abstract" : isSealed ? "sealed" : string.Empty);
                if (_baseType is { } baseType && baseType != "object" && baseType != "System.Object")
                {
                    tokens.Add("base=" + baseType);
                }
            }

            if (kind == "struct")
            {
                var known = names.AttributesOf(type.GetCustomAttributes());
                if ((known & KnownAttributes.IsReadOnly) != 0)
                {
                    tokens.Add("readonly");
                }

                if ((known & KnownAttributes.IsByRefLike) != 0)
                {
                    tokens.Add("ref");
                }
            }

            if (kind == "enum")
            {
                foreach (var handle in type.GetFields())
                {
                    var field = metadata.GetFieldDefinition(handle);
                    if ((field.Attributes & FieldAttributes.Static) == 0)
                    {
                        if (!field.Name.IsNil)
                        {
                            tokens.Add("underlying=" + ApiTypeNames.Clean(field.DecodeSignature(names, _context)));
                        }

                        break;
                    }
                }
            }

            if (kind != "enum" && kind != "delegate")
            {
                var interfaces = reader._items;
                interfaces.Clear();
                foreach (var handle in type.GetInterfaceImplementations())
                {
                    var implemented = metadata.GetInterfaceImplementation(handle).Interface;
                    if (IsVisible(implemented))
                    {
                        interfaces.Add("implements=" + names.Of(implemented, _context));
                    }
                }

                interfaces.Sort(StringComparer.Ordinal);
                tokens.AddRange(interfaces);
            }

            // A nested type repeats its declaring type's generic parameters first: their constraints are the declaring type's.
            var inherited = type.GetDeclaringType() is { IsNil: false } declaring ? metadata.GetTypeDefinition(declaring).GetGenericParameters().Count : 0;
            AddConstraints(tokens, type.GetGenericParameters(), inherited, _context);
            return Join(tokens);
        }

        /// <summary>An interface named in metadata is visible unless it is one of this assembly's non-public types.</summary>
        private bool IsVisible(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return PublicApiReader.IsVisible(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)handle));
                case HandleKind.TypeSpecification:
                    var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                    if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                    {
                        blob.ReadCompressedInteger(); // CLASS or VALUETYPE
                        return IsVisible(blob.ReadTypeHandle());
                    }

                    return true;
                default:
                    return true;
            }
        }

        private void Method(MethodDefinition method)
        {
            if (MemberAccessibility(method.Attributes) is not { } access)
            {
                return;
            }

            var name = metadata.GetString(method.Name);
            var genericParameters = method.GetGenericParameters();
            var context = genericParameters.Count == 0 ? _context : _context with { MethodParameters = GenericNames(metadata, genericParameters) };
            var signature = method.DecodeSignature(names, context);
            var parameterTokens = reader._parameterTokens;
            var parameters = Parameters(method, signature, parameterTokens, out var returnsReadOnly);
            var tokens = Tokens();
            tokens.Add(access);
            AddModifiers(tokens, method.Attributes);
            var known = names.AttributesOf(method.GetCustomAttributes());
            if ((known & KnownAttributes.IsReadOnly) != 0)
            {
                tokens.Add("readonly");
            }

            if ((known & KnownAttributes.Extension) != 0)
            {
                tokens.Add("extension");
            }

            tokens.AddRange(parameterTokens);
            AddConstraints(tokens, genericParameters, 0, context);

            string identity;
            if (name == ".ctor")
            {
                identity = $"constructor {_name}({parameters})";
            }
            else if (name == ".cctor")
            {
                return;
            }
            else
            {
                var generic = context.MethodParameters.Length == 0 ? string.Empty : "<" + string.Join(",", context.MethodParameters) + ">";
                identity = $"method {_name}.{name}{generic}({parameters}) : {ReturnType(signature.ReturnType, returnsReadOnly)}";
            }

            Add(identity, Join(tokens));
        }

        private void Property(PropertyDefinition property)
        {
            var methods = property.GetAccessors();
            var getter = methods.Getter.IsNil ? (MethodDefinition?)null : metadata.GetMethodDefinition(methods.Getter);
            var setter = methods.Setter.IsNil ? (MethodDefinition?)null : metadata.GetMethodDefinition(methods.Setter);
            var getAccess = getter is { } g ? MemberAccessibility(g.Attributes) : null;
            var setAccess = setter is { } s ? MemberAccessibility(s.Attributes) : null;
            if (getAccess is null && setAccess is null)
            {
                return;
            }

            var access = getAccess == "public" || setAccess == "public" ? "public" : "protected";
            var main = getAccess is not null ? getter!.Value : setter!.Value;
            var tokens = Tokens();
            tokens.Add(access);
            AddModifiers(tokens, main.Attributes);
            if ((names.AttributesOf(property.GetCustomAttributes()) & KnownAttributes.RequiredMember) != 0)
            {
                tokens.Add("required");
            }

            if (getAccess is not null)
            {
                tokens.Add(getAccess == access ? "get" : getAccess + "-get");
            }

            if (setAccess is not null)
            {
                var setterSignature = setter!.Value.DecodeSignature(names, _context);
                var word = ApiTypeNames.HasModifier(setterSignature.ReturnType, ApiTypeNames.IsExternalInit) ? "init" : "set";
                tokens.Add(setAccess == access ? word : setAccess + "-" + word);
            }

            var signature = property.DecodeSignature(names, _context);
            var indexer = string.Empty;
            if (signature.ParameterTypes.Length > 0)
            {
                var text = reader._text.Clear().Append('[');
                for (var i = 0; i < signature.ParameterTypes.Length; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ").Append(ApiTypeNames.Clean(signature.ParameterTypes[i]));
                }

                indexer = text.Append(']').ToString();
            }

            var name = metadata.GetString(property.Name);
            Add($"property {_name}.{name}{indexer} : {ReturnType(signature.ReturnType, readOnly: false)}", Join(tokens));
        }

        private void Event(EventDefinition @event)
        {
            var adder = metadata.GetMethodDefinition(@event.GetAccessors().Adder);
            if (MemberAccessibility(adder.Attributes) is not { } access)
            {
                return;
            }

            var tokens = Tokens();
            tokens.Add(access);
            AddModifiers(tokens, adder.Attributes);
            Add($"event {_name}.{metadata.GetString(@event.Name)} : {names.Of(@event.Type, _context)}", Join(tokens));
        }

        private void Field(FieldDefinition field, bool inEnum)
        {
            var access = (field.Attributes & FieldAttributes.FieldAccessMask) switch
            {
                FieldAttributes.Public => "public",
                FieldAttributes.Family or FieldAttributes.FamORAssem => "protected",
                _ => null,
            };
            if (access is null || (field.Attributes & FieldAttributes.SpecialName) != 0)
            {
                return; // an enum's value__ is special: its type is the enum's underlying type
            }

            var name = metadata.GetString(field.Name);
            var rawType = field.DecodeSignature(names, _context);
            if (inEnum)
            {
                Add($"enum-value {_name}.{name}", "value=" + Constant(field.GetDefaultValue()));
                return;
            }

            var tokens = Tokens();
            tokens.Add(access);
            var isConst = (field.Attributes & FieldAttributes.Literal) != 0;
            if ((field.Attributes & FieldAttributes.Static) != 0 && !isConst)
            {
                tokens.Add("static");
            }

            if ((field.Attributes & FieldAttributes.InitOnly) != 0)
            {
                tokens.Add("readonly");
            }

            if (ApiTypeNames.HasModifier(rawType, ApiTypeNames.IsVolatile))
            {
                tokens.Add("volatile");
            }

            if ((names.AttributesOf(field.GetCustomAttributes()) & KnownAttributes.RequiredMember) != 0)
            {
                tokens.Add("required");
            }

            if (isConst)
            {
                tokens.Add("const=" + Constant(field.GetDefaultValue()));
            }

            Add($"field {_name}.{name} : {ApiTypeNames.Clean(rawType)}", Join(tokens));
        }

        /// <summary>
        /// The parameter list of the identity (types, with <c>ref</c>/<c>out</c>/<c>in</c>/<c>ref readonly</c>),
        /// and the description's tokens for <c>params</c> and default values (1-based positions).
        /// </summary>
        private string Parameters(MethodDefinition method, MethodSignature<string> signature, List<string> tokens, out bool returnsReadOnly)
        {
            tokens.Clear();
            returnsReadOnly = false;

            // The parameter rows by sequence number (0: the return value); a later row of the same number wins.
            var count = signature.ParameterTypes.Length;
            if (reader._rows.Length < count + 1)
            {
                reader._rows = new Parameter?[count + 1];
            }

            var rows = reader._rows;
            Array.Clear(rows, 0, count + 1);
            foreach (var handle in method.GetParameters())
            {
                var parameter = metadata.GetParameter(handle);
                if (parameter.SequenceNumber <= count)
                {
                    rows[parameter.SequenceNumber] = parameter;
                }
            }

            if (rows[0] is { } returnParameter)
            {
                returnsReadOnly = (names.AttributesOf(returnParameter.GetCustomAttributes()) & KnownAttributes.IsReadOnly) != 0;
            }

            if (count == 0)
            {
                return string.Empty;
            }

            var types = reader._text.Clear();
            for (var i = 0; i < count; i++)
            {
                var type = ApiTypeNames.Clean(signature.ParameterTypes[i]);
                var row = rows[i + 1];
                var known = row is { } withRow ? names.AttributesOf(withRow.GetCustomAttributes()) : KnownAttributes.None;
                if (type.EndsWith('&'))
                {
                    type = type[..^1];
                    var attributes = row?.Attributes ?? default;
                    var prefix =
                        (known & KnownAttributes.IsReadOnly) != 0 ? "in" :
                        (known & KnownAttributes.RequiresLocation) != 0 ? "ref readonly" :
                        (attributes & ParameterAttributes.Out) != 0 && (attributes & ParameterAttributes.In) == 0 ? "out" :
                        "ref";
                    type = prefix + " " + type;
                }

                types.Append(i == 0 ? string.Empty : ", ").Append(type);
                if (row is not { } parameter)
                {
                    continue;
                }

                if ((known & (KnownAttributes.ParamArray | KnownAttributes.ParamCollection)) != 0)
                {
                    tokens.Add("params");
                }

                if ((parameter.Attributes & ParameterAttributes.HasDefault) != 0)
                {
                    tokens.Add($"default({(i + 1).ToString(CultureInfo.InvariantCulture)})={Constant(parameter.GetDefaultValue())}");
                }
            }

            return types.ToString();
        }

        private static string ReturnType(string raw, bool readOnly)
        {
            var type = ApiTypeNames.Clean(raw);
            return type.EndsWith('&') ? (readOnly ? "ref readonly " : "ref ") + type[..^1] : type;
        }

        /// <summary>Constraints and variance of generic parameters (after the first <paramref name="skip"/>), one token per constrained parameter.</summary>
        private void AddConstraints(List<string> tokens, GenericParameterHandleCollection parameters, int skip, ApiGenericContext context)
        {
            var index = 0;
            foreach (var handle in parameters)
            {
                if (index++ < skip)
                {
                    continue;
                }

                var parameter = metadata.GetGenericParameter(handle);
                var name = metadata.GetString(parameter.Name);
                var attributes = parameter.Attributes;
                var variance = attributes & GenericParameterAttributes.VarianceMask;
                if (variance != GenericParameterAttributes.None)
                {
                    tokens.Add($"variance({name})=" + (variance == GenericParameterAttributes.Covariant ? "out" : "in"));
                }

                var constraints = parameter.GetConstraints();
                var isStruct = (attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0;
                var unmanaged = false;
                var types = reader._items;
                types.Clear();
                foreach (var constraint in constraints)
                {
                    var raw = names.Raw(metadata.GetGenericParameterConstraint(constraint).Type, context);
                    unmanaged |= ApiTypeNames.HasModifier(raw, ApiTypeNames.UnmanagedType);
                    var type = ApiTypeNames.Clean(raw);
                    if (!(isStruct && type == "System.ValueType"))
                    {
                        types.Add(type);
                    }
                }

                types.Sort(StringComparer.Ordinal);
                var items = reader._text.Clear();
                if ((attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
                {
                    items.Append("class,");
                }

                if (isStruct)
                {
                    items.Append(unmanaged ? "unmanaged," : "struct,");
                }

                foreach (var type in types)
                {
                    items.Append(type).Append(',');
                }

                if ((attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && !isStruct)
                {
                    items.Append("new(),");
                }

                // allows ref struct (C# 13); the flag's value, for runtimes whose enum does not name it.
                if (((int)attributes & 0x20) != 0)
                {
                    items.Append("allows-ref-struct,");
                }

                if (items.Length > 0)
                {
                    tokens.Add($"where({name})=" + items.ToString(0, items.Length - 1));
                }
            }
        }

        private string Constant(ConstantHandle handle)
        {
            if (handle.IsNil)
            {
                return "?";
            }

            var constant = metadata.GetConstant(handle);
            var blob = metadata.GetBlobReader(constant.Value);
            return blob.ReadConstant(constant.TypeCode) switch
            {
                null => "null",
                string text => Quote(text),
                char c => char.IsAsciiLetterOrDigit(c) ? $"'{c}'" : $"'\\u{(int)c:x4}'",
                bool b => b ? "true" : "false",
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                var value => value.ToString() ?? "?",
            };
        }

        private static string? MemberAccessibility(MethodAttributes attributes) => (attributes & MethodAttributes.MemberAccessMask) switch
        {
            MethodAttributes.Public => "public",
            MethodAttributes.Family or MethodAttributes.FamORAssem => "protected",
            _ => null,
        };

        /// <summary>What a method's flags say in C#: static, abstract, virtual, override, sealed override.</summary>
        private static void AddModifiers(List<string> tokens, MethodAttributes attributes)
        {
            if ((attributes & MethodAttributes.Static) != 0)
            {
                tokens.Add("static");
            }

            var isVirtual = (attributes & MethodAttributes.Virtual) != 0;
            var newSlot = (attributes & MethodAttributes.NewSlot) != 0;
            var final = (attributes & MethodAttributes.Final) != 0;
            if ((attributes & MethodAttributes.Abstract) != 0)
            {
                tokens.Add("abstract");

                // A static abstract interface member has no slot to override.
                if (isVirtual && !newSlot && (attributes & MethodAttributes.Static) == 0)
                {
                    tokens.Add("override");
                }
            }
            else if (isVirtual && !(final && newSlot))
            {
                // virtual final newslot is a non-virtual method implementing an interface: nothing to say.
                if (final)
                {
                    tokens.Add("sealed");
                }

                tokens.Add(newSlot ? "virtual" : "override");
            }
        }

        private static string Accessibility(TypeAttributes visibility) => visibility switch
        {
            TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem => "protected",
            _ => "public",
        };

        /// <summary>The reader's token list, emptied for the next entry.</summary>
        private List<string> Tokens()
        {
            reader._tokens.Clear();
            return reader._tokens;
        }

        /// <summary>The description: the tokens that say something, separated by spaces.</summary>
        private string Join(List<string> tokens)
        {
            var text = reader._text.Clear();
            foreach (var token in tokens)
            {
                if (token.Length > 0)
                {
                    text.Append(text.Length == 0 ? string.Empty : " ").Append(token);
                }
            }

            return text.ToString();
        }

        /// <summary>A string constant as a C# literal: quotes, backslashes and characters outside printable ASCII escaped.</summary>
        private static string Quote(string text)
        {
            var result = new StringBuilder(text.Length + 2).Append('"');
            foreach (var c in text)
            {
                _ = c switch
                {
                    '"' => result.Append("\\\""),
                    '\\' => result.Append("\\\\"),
                    < ' ' or > '~' => result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                    _ => result.Append(c),
                };
            }

            return result.Append('"').ToString();
        }
    }
}
