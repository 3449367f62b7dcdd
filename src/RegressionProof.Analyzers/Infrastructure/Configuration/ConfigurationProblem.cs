using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// Why a configuration value cannot be used: which RP0010 message (its descriptor), its arguments
/// (user text already escaped) and where in the file, if anywhere. The readers say what is wrong;
/// only the RP0010 analyzer turns it into a diagnostic.
/// </summary>
internal sealed class ConfigurationProblem
{
    private readonly object[] _arguments;

    public ConfigurationProblem(DiagnosticDescriptor descriptor, Location location, params object[] arguments)
    {
        Descriptor = descriptor;
        Location = location;
        _arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Where the file is wrong; <see cref="Location.None"/> for an option or a file that could not be found or read.</summary>
    public Location Location { get; }

    /// <summary>The point at 1-based <paramref name="line"/> and <paramref name="column"/> of a file, for a problem found there.</summary>
    public static Location At(string path, SourceText text, int line, int column)
    {
        var position = new LinePosition(Math.Max(0, line - 1), Math.Max(0, column - 1));
        var offset = 0;
        if (position.Line < text.Lines.Count)
        {
            offset = Math.Min(text.Lines[position.Line].Start + position.Character, text.Length);
        }

        return Location.Create(path, new TextSpan(offset, 0), new LinePositionSpan(position, position));
    }

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, _arguments);
}
