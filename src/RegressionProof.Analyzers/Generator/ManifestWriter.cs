using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using RegressionProof.Contract;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// Writes the manifest JSON (schema <c>regression-proof/manifest/v1</c>): links sorted, paths
/// repository-relative with <c>/</c>, nulls omitted, and only ASCII characters, so the same
/// source gives the same bytes on every machine.
/// </summary>
internal static class ManifestWriter
{
    public const string Schema = ManifestContract.ManifestSchema;

    public static string Write(string assemblyName, IEnumerable<LinkModel> links, PathModel paths, bool publicApiChecked)
    {
        var relative = links
            .Select(link => link with { FilePath = RelativePath(link.FilePath, paths) })
            .OrderBy(link => link.FilePath, StringComparer.Ordinal)
            .ThenBy(link => link.Line)
            .ThenBy(link => ManifestContract.OrderOf(link.Kind))
            .ThenBy(link => link.Card, StringComparer.Ordinal)
            .ThenBy(link => link.Symbol, StringComparer.Ordinal)
            .ThenBy(link => link.Test ?? string.Empty, StringComparer.Ordinal)
            .ToList();

        var json = new StringBuilder(256 + (relative.Count * 400));
        json.Append("{\"schema\":");
        String(json, Schema);
        json.Append(",\"assembly\":");
        String(json, assemblyName);
        json.Append(",\"publicApiChecked\":").Append(publicApiChecked ? "true" : "false");
        json.Append(",\"links\":[");
        for (var i = 0; i < relative.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            Link(json, relative[i]);
        }

        json.Append("]}");
        return json.ToString();
    }

    /// <summary>
    /// The path relative to the repository root, else to the project folder, else the bare file
    /// name: the build machine's absolute paths never reach the manifest.
    /// </summary>
    public static string RelativePath(string path, PathModel paths)
    {
        var normalized = Normalize(path);
        foreach (var root in new[] { paths.RepositoryRoot, paths.ProjectDirectory })
        {
            if (string.IsNullOrWhiteSpace(root))
            {
                continue;
            }

            var prefix = Normalize(root!).TrimEnd('/') + "/";
            if (normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return normalized.Substring(prefix.Length);
            }
        }

        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized.Substring(slash + 1);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static void Link(StringBuilder json, LinkModel link)
    {
        json.Append('{');
        Property(json, "kind", link.Kind, first: true);
        Property(json, "card", link.Card);
        Property(json, "symbol", link.Symbol);
        Property(json, "display", link.Display);
        Property(json, "path", link.FilePath);
        json.Append(",\"line\":").Append(link.Line.ToString(CultureInfo.InvariantCulture));
        json.Append(",\"column\":").Append(link.Column.ToString(CultureInfo.InvariantCulture));
        Property(json, "framework", link.Framework);
        Property(json, "test", link.Test);
        Property(json, "declaredOn", link.DeclaredOn);
        foreach (var argument in link.Arguments)
        {
            Property(json, argument.Property, argument.Value);
        }

        Property(json, "fingerprint", link.Fingerprint);
        json.Append('}');
    }

    private static void Property(StringBuilder json, string name, string? value, bool first = false)
    {
        if (value is null)
        {
            return;
        }

        if (!first)
        {
            json.Append(',');
        }

        json.Append('"').Append(name).Append("\":");
        String(json, value);
    }

    /// <summary>
    /// A JSON string with every character outside printable ASCII escaped as <c>\uXXXX</c>. An
    /// unpaired surrogate (a C# string may hold one, UTF-8 cannot) is written as U+FFFD, the
    /// replacement character: escaped as itself it would be JSON that no UTF-8 reader accepts.
    /// </summary>
    private static void String(StringBuilder json, string value)
    {
        json.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                Escape(json, c);
                Escape(json, value[++i]);
                continue;
            }

            if (char.IsSurrogate(c))
            {
                c = '\uFFFD';
            }

            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        Escape(json, c);
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }

    private static void Escape(StringBuilder json, char c) =>
        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
