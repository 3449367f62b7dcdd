using System;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>Why a JSON text could not be read (its syntax, or what a configured file needs of it), and where.</summary>
internal sealed class JsonSyntaxError
{
    public JsonSyntaxError(string message, int line, int column)
    {
        Message = message;
        Line = line;
        Column = column;
    }

    public string Message { get; }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>
/// Unwinds a reader's recursive descent from the first error. Thrown only by
/// <see cref="JsonTokenizer"/> and caught by the reader that started it; it never leaves an analyzer.
/// </summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(JsonSyntaxError error)
        : base(error.Message)
    {
        Error = error;
    }

    public JsonSyntaxError Error { get; }
}
