using System;

namespace RegressionProof.Manifest;

/// <summary>
/// A file that cannot be read as a manifest, or an assembly that cannot be read at all. The
/// message names the file and, where there is one, the line and column.
/// </summary>
public sealed class ManifestFormatException : Exception
{
    public ManifestFormatException(string file, string reason, int? line, int? column)
        : base(Format(file, reason, line, column))
    {
        File = file;
        Reason = reason;
        Line = line;
        Column = column;
    }

    public string File { get; }

    public string Reason { get; }

    public int? Line { get; }

    public int? Column { get; }

    private static string Format(string file, string reason, int? line, int? column) =>
        line is null ? $"{file}: {reason}" : $"{file}({line},{column ?? 1}): {reason}";
}
