using System;
using System.Text;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// A test's name as proofs record it (<c>Ns.Outer.Inner.Method</c>: nested classes with dots,
/// generic arguments and arity left out, no arguments), from the class and method a runner wrote.
/// Runners write the runtime's names: <c>Ns.Outer+Inner</c>, <c>Ns.Generic`1</c>,
/// <c>Ns.Generic&lt;Int32&gt;</c>, <c>Method(1, 2)</c>.
/// </summary>
internal static class ClassAndMethod
{
    /// <summary><c>Class.Method</c>, both cleaned; empty when either is missing.</summary>
    public static string Of(string? className, string? method)
    {
        var type = Class(className ?? string.Empty);
        var name = Method(method ?? string.Empty);
        return type.Length > 0 && name.Length > 0 ? type + "." + name : string.Empty;
    }

    /// <summary>
    /// A full name that the runner wrote as one string (<c>Ns.Outer+Inner.Method(1, 2)</c>), for
    /// files that do not write the class and method apart.
    /// </summary>
    public static string OfFullName(string? fullName) => Class(fullName ?? string.Empty);

    /// <summary>The class with nesting as dots and generic arguments, arity and any assembly name left out.</summary>
    public static string Class(string name)
    {
        var text = new StringBuilder(name.Length);
        var nesting = 0; // inside <...> or [...]: generic arguments
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            switch (c)
            {
                case '<' or '[':
                    nesting++;
                    break;
                case '>' or ']':
                    nesting = Math.Max(0, nesting - 1);
                    break;
                case '`' when nesting == 0:
                    while (i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
                    {
                        i++;
                    }

                    break;
                case ',' or '(' when nesting == 0:
                    // ", Assembly" after a class; a row's arguments after a full name.
                    return text.ToString().Trim();
                case '+' when nesting == 0:
                    text.Append('.');
                    break;
                default:
                    if (nesting == 0)
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>The method without a row's arguments or a generic method's type arguments.</summary>
    public static string Method(string name)
    {
        var end = name.IndexOfAny(['(', '<']);
        return (end < 0 ? name : name[..end]).Trim();
    }
}
