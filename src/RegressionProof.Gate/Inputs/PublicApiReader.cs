using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
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
internal static class PublicApiReader
{
    private const string CompilerServices = "System.Runtime.CompilerServices.";

    public static IReadOnlyList<string> Read(MetadataReader metadata)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!IsVisible(metadata, type))
            {
                continue;
            }

            new TypeReader(metadata, type).Read(lines);
        }

        return lines.ToList();
    }

    public static bool IsVisible(MetadataReader metadata, TypeDefinition type) => (type.Attributes & TypeAttributes.VisibilityMask) switch
    {
        TypeAttributes.Public => true,
        TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem =>
            IsVisible(metadata, metadata.GetTypeDefinition(type.GetDeclaringType())),
        _ => false,
    };

    private sealed class TypeReader(MetadataReader metadata, TypeDefinition type)
    {
        private readonly ApiGenericContext _context = new(GenericNames(metadata, type.GetGenericParameters()), []);
        private readonly string _name = ApiTypeNames.Of(metadata, type);

        public void Read(SortedSet<string> lines)
        {
            var kind = Kind();
            lines.Add(new ApiEntry(kind + " " + _name, TypeDescription(kind)).Line);

            var accessors = new HashSet<MethodDefinitionHandle>();
            foreach (var handle in type.GetProperties())
            {
                var property = metadata.GetPropertyDefinition(handle);
                var methods = property.GetAccessors();
                accessors.Add(methods.Getter);
                accessors.Add(methods.Setter);
                Property(lines, property);
            }

            foreach (var handle in type.GetEvents())
            {
                var @event = metadata.GetEventDefinition(handle);
                var methods = @event.GetAccessors();
                accessors.Add(methods.Adder);
                accessors.Add(methods.Remover);
                accessors.Add(methods.Raiser);
                Event(lines, @event);
            }

            foreach (var handle in type.GetMethods())
            {
                if (!accessors.Contains(handle))
                {
                    Method(lines, metadata.GetMethodDefinition(handle));
                }
            }

            foreach (var handle in type.GetFields())
            {
                Field(lines, metadata.GetFieldDefinition(handle), kind == "enum");
            }
        }

        private string Kind()
        {
            if ((type.Attributes & TypeAttributes.Interface) != 0)
            {
                return "interface";
            }

            return BaseTypeName() switch
            {
                "System.Enum" => "enum",
                "System.ValueType" when _name != "System.Enum" => "struct",
                "System.MulticastDelegate" => "delegate",
                _ => "class",
            };
        }

        private string? BaseTypeName() => type.BaseType.IsNil ? null : ApiTypeNames.Of(metadata, type.BaseType, _context);

        private string TypeDescription(string kind)
        {
            var tokens = new List<string> { Accessibility(type.Attributes & TypeAttributes.VisibilityMask) };
            var attributes = type.Attributes;
            if (kind == "class")
            {
                var isAbstract = (attributes & TypeAttributes.Abstract) != 0;
                var isSealed = (attributes & TypeAttributes.Sealed) != 0;
                tokens.Add(isAbstract && isSealed ? "static" : isAbstract ? "abstract" : isSealed ? "sealed" : string.Empty);
                if (BaseTypeName() is { } baseType && baseType != "object" && baseType != "System.Object")
                {
                    tokens.Add("base=" + baseType);
                }
            }

            if (kind == "struct")
            {
                if (ApiTypeNames.HasAttribute(metadata, type.GetCustomAttributes(), CompilerServices + "IsReadOnlyAttribute"))
                {
                    tokens.Add("readonly");
                }

                if (ApiTypeNames.HasAttribute(metadata, type.GetCustomAttributes(), CompilerServices + "IsByRefLikeAttribute"))
                {
                    tokens.Add("ref");
                }
            }

            if (kind == "enum")
            {
                var valueField = type.GetFields().Select(metadata.GetFieldDefinition).FirstOrDefault(f => (f.Attributes & FieldAttributes.Static) == 0);
                if (valueField.Name.IsNil is false)
                {
                    tokens.Add("underlying=" + ApiTypeNames.Clean(valueField.DecodeSignature(ApiTypeNames.Instance, _context)));
                }
            }

            if (kind != "enum" && kind != "delegate")
            {
                tokens.AddRange(type.GetInterfaceImplementations()
                    .Select(handle => metadata.GetInterfaceImplementation(handle).Interface)
                    .Where(IsVisible)
                    .Select(handle => "implements=" + ApiTypeNames.Of(metadata, handle, _context))
                    .Order(StringComparer.Ordinal));
            }

            // A nested type repeats its declaring type's generic parameters first: their constraints are the declaring type's.
            var inherited = type.GetDeclaringType() is { IsNil: false } declaring ? metadata.GetTypeDefinition(declaring).GetGenericParameters().Count : 0;
            tokens.AddRange(Constraints(type.GetGenericParameters().Skip(inherited), _context));
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

        private void Method(SortedSet<string> lines, MethodDefinition method)
        {
            if (MemberAccessibility(method.Attributes) is not { } access)
            {
                return;
            }

            var name = metadata.GetString(method.Name);
            var context = _context with { MethodParameters = GenericNames(metadata, method.GetGenericParameters()) };
            var signature = method.DecodeSignature(ApiTypeNames.Instance, context);
            var parameters = Parameters(method, signature, out var parameterTokens, out var returnsReadOnly);
            var tokens = new List<string> { access };
            tokens.AddRange(Modifiers(method.Attributes));
            if (ApiTypeNames.HasAttribute(metadata, method.GetCustomAttributes(), CompilerServices + "IsReadOnlyAttribute"))
            {
                tokens.Add("readonly");
            }

            if (ApiTypeNames.HasAttribute(metadata, method.GetCustomAttributes(), CompilerServices + "ExtensionAttribute"))
            {
                tokens.Add("extension");
            }

            tokens.AddRange(parameterTokens);
            tokens.AddRange(Constraints(method.GetGenericParameters(), context));

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

            lines.Add(new ApiEntry(identity, Join(tokens)).Line);
        }

        private void Property(SortedSet<string> lines, PropertyDefinition property)
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
            var tokens = new List<string> { access };
            tokens.AddRange(Modifiers(main.Attributes));
            if (ApiTypeNames.HasAttribute(metadata, property.GetCustomAttributes(), CompilerServices + "RequiredMemberAttribute"))
            {
                tokens.Add("required");
            }

            if (getAccess is not null)
            {
                tokens.Add(getAccess == access ? "get" : getAccess + "-get");
            }

            if (setAccess is not null)
            {
                var setterSignature = setter!.Value.DecodeSignature(ApiTypeNames.Instance, _context);
                var word = ApiTypeNames.HasModifier(setterSignature.ReturnType, CompilerServices + "IsExternalInit") ? "init" : "set";
                tokens.Add(setAccess == access ? word : setAccess + "-" + word);
            }

            var signature = property.DecodeSignature(ApiTypeNames.Instance, _context);
            var indexer = signature.ParameterTypes.Length == 0 ? string.Empty : "[" + string.Join(", ", signature.ParameterTypes.Select(ApiTypeNames.Clean)) + "]";
            var name = metadata.GetString(property.Name);
            lines.Add(new ApiEntry($"property {_name}.{name}{indexer} : {ReturnType(signature.ReturnType, readOnly: false)}", Join(tokens)).Line);
        }

        private void Event(SortedSet<string> lines, EventDefinition @event)
        {
            var adder = metadata.GetMethodDefinition(@event.GetAccessors().Adder);
            if (MemberAccessibility(adder.Attributes) is not { } access)
            {
                return;
            }

            var tokens = new List<string> { access };
            tokens.AddRange(Modifiers(adder.Attributes));
            lines.Add(new ApiEntry($"event {_name}.{metadata.GetString(@event.Name)} : {ApiTypeNames.Of(metadata, @event.Type, _context)}", Join(tokens)).Line);
        }

        private void Field(SortedSet<string> lines, FieldDefinition field, bool inEnum)
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
            var rawType = field.DecodeSignature(ApiTypeNames.Instance, _context);
            if (inEnum)
            {
                lines.Add(new ApiEntry($"enum-value {_name}.{name}", "value=" + Constant(field.GetDefaultValue())).Line);
                return;
            }

            var tokens = new List<string> { access };
            var isConst = (field.Attributes & FieldAttributes.Literal) != 0;
            if ((field.Attributes & FieldAttributes.Static) != 0 && !isConst)
            {
                tokens.Add("static");
            }

            if ((field.Attributes & FieldAttributes.InitOnly) != 0)
            {
                tokens.Add("readonly");
            }

            if (ApiTypeNames.HasModifier(rawType, CompilerServices + "IsVolatile"))
            {
                tokens.Add("volatile");
            }

            if (ApiTypeNames.HasAttribute(metadata, field.GetCustomAttributes(), CompilerServices + "RequiredMemberAttribute"))
            {
                tokens.Add("required");
            }

            if (isConst)
            {
                tokens.Add("const=" + Constant(field.GetDefaultValue()));
            }

            lines.Add(new ApiEntry($"field {_name}.{name} : {ApiTypeNames.Clean(rawType)}", Join(tokens)).Line);
        }

        /// <summary>
        /// The parameter list of the identity (types, with <c>ref</c>/<c>out</c>/<c>in</c>/<c>ref readonly</c>),
        /// and the description's tokens for <c>params</c> and default values (1-based positions).
        /// </summary>
        private string Parameters(MethodDefinition method, MethodSignature<string> signature, out List<string> tokens, out bool returnsReadOnly)
        {
            tokens = [];
            returnsReadOnly = false;
            var parameters = new Dictionary<int, Parameter>();
            foreach (var handle in method.GetParameters())
            {
                var parameter = metadata.GetParameter(handle);
                parameters[parameter.SequenceNumber] = parameter;
            }

            if (parameters.TryGetValue(0, out var returnParameter))
            {
                returnsReadOnly = ApiTypeNames.HasAttribute(metadata, returnParameter.GetCustomAttributes(), CompilerServices + "IsReadOnlyAttribute");
            }

            var types = new List<string>();
            for (var i = 0; i < signature.ParameterTypes.Length; i++)
            {
                var type = ApiTypeNames.Clean(signature.ParameterTypes[i]);
                parameters.TryGetValue(i + 1, out var parameter);
                var hasRow = parameters.ContainsKey(i + 1);
                if (type.EndsWith('&'))
                {
                    type = type[..^1];
                    var attributes = hasRow ? parameter.Attributes : default;
                    var prefix =
                        hasRow && ApiTypeNames.HasAttribute(metadata, parameter.GetCustomAttributes(), CompilerServices + "IsReadOnlyAttribute") ? "in" :
                        hasRow && ApiTypeNames.HasAttribute(metadata, parameter.GetCustomAttributes(), CompilerServices + "RequiresLocationAttribute") ? "ref readonly" :
                        (attributes & ParameterAttributes.Out) != 0 && (attributes & ParameterAttributes.In) == 0 ? "out" :
                        "ref";
                    type = prefix + " " + type;
                }

                types.Add(type);
                if (!hasRow)
                {
                    continue;
                }

                var position = (i + 1).ToString(CultureInfo.InvariantCulture);
                if (ApiTypeNames.HasAttribute(metadata, parameter.GetCustomAttributes(), "System.ParamArrayAttribute")
                    || ApiTypeNames.HasAttribute(metadata, parameter.GetCustomAttributes(), CompilerServices + "ParamCollectionAttribute"))
                {
                    tokens.Add("params");
                }

                if ((parameter.Attributes & ParameterAttributes.HasDefault) != 0)
                {
                    tokens.Add($"default({position})={Constant(parameter.GetDefaultValue())}");
                }
            }

            return string.Join(", ", types);
        }

        private string ReturnType(string raw, bool readOnly)
        {
            var type = ApiTypeNames.Clean(raw);
            return type.EndsWith('&') ? (readOnly ? "ref readonly " : "ref ") + type[..^1] : type;
        }

        /// <summary>Constraints and variance of generic parameters, one token per constrained parameter.</summary>
        private IEnumerable<string> Constraints(IEnumerable<GenericParameterHandle> parameters, ApiGenericContext context)
        {
            foreach (var handle in parameters)
            {
                var parameter = metadata.GetGenericParameter(handle);
                var name = metadata.GetString(parameter.Name);
                var attributes = parameter.Attributes;
                var variance = attributes & GenericParameterAttributes.VarianceMask;
                if (variance != GenericParameterAttributes.None)
                {
                    yield return $"variance({name})=" + (variance == GenericParameterAttributes.Covariant ? "out" : "in");
                }

                var types = parameter.GetConstraints()
                    .Select(c => ApiTypeNames.Raw(metadata, metadata.GetGenericParameterConstraint(c).Type, context))
                    .ToList();
                var unmanaged = types.Any(t => ApiTypeNames.HasModifier(t, "System.Runtime.InteropServices.UnmanagedType"));
                var isStruct = (attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0;
                var items = new List<string>();
                if ((attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
                {
                    items.Add("class");
                }

                if (isStruct)
                {
                    items.Add(unmanaged ? "unmanaged" : "struct");
                }

                items.AddRange(types.Select(ApiTypeNames.Clean).Where(t => !(isStruct && t == "System.ValueType")).Order(StringComparer.Ordinal));
                if ((attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && !isStruct)
                {
                    items.Add("new()");
                }

                // allows ref struct (C# 13); the flag's value, for runtimes whose enum does not name it.
                if (((int)attributes & 0x20) != 0)
                {
                    items.Add("allows-ref-struct");
                }

                if (items.Count > 0)
                {
                    yield return $"where({name})=" + string.Join(",", items);
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
        private static IEnumerable<string> Modifiers(MethodAttributes attributes)
        {
            if ((attributes & MethodAttributes.Static) != 0)
            {
                yield return "static";
            }

            var isVirtual = (attributes & MethodAttributes.Virtual) != 0;
            var newSlot = (attributes & MethodAttributes.NewSlot) != 0;
            var final = (attributes & MethodAttributes.Final) != 0;
            if ((attributes & MethodAttributes.Abstract) != 0)
            {
                yield return "abstract";

                // A static abstract interface member has no slot to override.
                if (isVirtual && !newSlot && (attributes & MethodAttributes.Static) == 0)
                {
                    yield return "override";
                }
            }
            else if (isVirtual && !(final && newSlot))
            {
                // virtual final newslot is a non-virtual method implementing an interface: nothing to say.
                if (final)
                {
                    yield return "sealed";
                }

                yield return newSlot ? "virtual" : "override";
            }
        }

        private static string Accessibility(TypeAttributes visibility) => visibility switch
        {
            TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem => "protected",
            _ => "public",
        };

        private static string Join(IEnumerable<string> tokens) => string.Join(" ", tokens.Where(t => t.Length > 0));

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

    private static ImmutableArray<string> GenericNames(MetadataReader metadata, GenericParameterHandleCollection parameters) =>
        parameters.Select(p => metadata.GetString(metadata.GetGenericParameter(p).Name)).ToImmutableArray();
}
