using System;
using System.Collections.Generic;
using System.Text;

namespace RegressionProof.Gate.Model;

/// <summary>
/// One entry of an assembly's public API, stored as one line <c>identity | description</c>.
/// The identity names the entry (kind, full name, signature): an entry whose identity disappears
/// was removed. The description says how it may be used (accessibility, modifiers, constant
/// value, base type, constraints, parameter defaults, …), as tokens separated by spaces: an entry
/// whose description differs was changed. See docs/gate.md, "Public API entries".
/// </summary>
internal sealed record ApiEntry(string Identity, string Description)
{
    public const string Separator = " | ";

    /// <summary>The kinds of type entries (every other kind is a member).</summary>
    public static readonly IReadOnlySet<string> TypeKinds = new HashSet<string>(StringComparer.Ordinal) { "class", "struct", "interface", "enum", "delegate" };

    /// <summary>The line written to the coverage manifest.</summary>
    public string Line => LineOf(Identity, Description);

    /// <summary>The line of an entry, written without making the entry first (the API reader writes thousands).</summary>
    public static string LineOf(string identity, string description) => description.Length == 0 ? identity : identity + Separator + description;

    /// <summary>class, struct, interface, enum, delegate, constructor, method, property, event, field or enum-value.</summary>
    public string Kind => Identity.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? Identity[..space] : Identity;

    /// <summary>The full name and signature, without the kind.</summary>
    public string Name => Identity.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? Identity[(space + 1)..] : Identity;

    public bool IsType => TypeKinds.Contains(Kind);

    /// <summary>
    /// The full name of the type that declares a member (what precedes the member's name), or null
    /// for a type entry.
    /// </summary>
    public string? DeclaringType
    {
        get
        {
            if (IsType)
            {
                return null;
            }

            var name = Name;
            var end = name.Length;
            for (var i = 0; i < name.Length; i++)
            {
                if (name[i] is '(' or '[' || (name[i] == ' ' && name.AsSpan(i).StartsWith(" : ", StringComparison.Ordinal)))
                {
                    end = i;
                    break;
                }
            }

            if (Kind == "constructor")
            {
                return name[..end];
            }

            // The last '.' outside generic arguments separates the type from the member's name.
            var depth = 0;
            for (var i = end - 1; i >= 0; i--)
            {
                switch (name[i])
                {
                    case '>':
                        depth++;
                        break;
                    case '<':
                        depth--;
                        break;
                    case '.' when depth == 0:
                        return name[..i];
                }
            }

            return null;
        }
    }

    /// <summary>The description's tokens; a quoted string constant is one token, spaces and all.</summary>
    public IReadOnlyList<string> Tokens => Split(Description);

    public static ApiEntry Parse(string line)
    {
        var separator = line.IndexOf(Separator, StringComparison.Ordinal);
        return separator < 0 ? new ApiEntry(line, string.Empty) : new ApiEntry(line[..separator], line[(separator + Separator.Length)..]);
    }

    public static IReadOnlyList<string> Split(string description)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < description.Length; i++)
        {
            var c = description[i];
            if (quoted && c == '\\' && i + 1 < description.Length)
            {
                current.Append(c).Append(description[++i]);
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
