using System;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// An input the gate cannot use. The message names the file and, where there is one, the line
/// and column; it is shown as it is, never with a stack trace, and the gate exits with 2.
/// </summary>
internal class InputException : Exception
{
    public InputException(string file, string reason, long? line = null, long? column = null)
        : base(Format(file, reason, line, column))
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string File { get; }

    public long? Line { get; }

    public long? Column { get; }

    private static string Format(string file, string reason, long? line, long? column) =>
        line is null ? $"{file}: {reason}" : $"{file}({line},{column ?? 1}): {reason}";
}
