using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>Reads a file's card IDs from its text; null with <paramref name="problem"/> saying what is wrong where.</summary>
internal delegate ImmutableHashSet<string>? CardFileParser(string text, out JsonSyntaxError? problem);

/// <summary>
/// Finds the AdditionalFile an MSBuild property names and reads its card IDs once per file
/// version: the IDE hands a new <see cref="AdditionalText"/> when the file changes, and every
/// analyzer of the compilation asks for the same one. A file that is not there, cannot be read or
/// does not parse becomes a <see cref="CardFile"/> with the RP0010 problem of this kind of file,
/// which the RP0010 analyzer reports once. Each kind of file gives only its messages and its parse.
/// </summary>
internal sealed class CardFileReader
{
    private readonly ConditionalWeakTable<AdditionalText, CardFile> _cache = new();
    private readonly DiagnosticDescriptor _notFound;
    private readonly DiagnosticDescriptor _unreadable;
    private readonly DiagnosticDescriptor _invalid;
    private readonly CardFileParser _parse;

    /// <param name="notFound">Told with the configured path when no AdditionalFile has it.</param>
    /// <param name="unreadable">Told with the file's path when its text cannot be had.</param>
    /// <param name="invalid">Told with the path, line, column and what <paramref name="parse"/> found wrong.</param>
    /// <param name="parse">The file kind's own reading of its text.</param>
    public CardFileReader(DiagnosticDescriptor notFound, DiagnosticDescriptor unreadable, DiagnosticDescriptor invalid, CardFileParser parse)
    {
        _notFound = notFound;
        _unreadable = unreadable;
        _invalid = invalid;
        _parse = parse;
    }

    /// <summary>
    /// The file configured as <paramref name="configured"/>: null when none is configured; a value
    /// with a <see cref="CardFile.Problem"/> when it is configured but missing or malformed.
    /// </summary>
    public CardFile? Find(string? configured, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (configured is null)
        {
            return null;
        }

        var file = ConfiguredAdditionalFile.Find(options.AdditionalFiles, configured);
        if (file is null)
        {
            return Unusable(configured, new ConfigurationProblem(_notFound, Location.None, MessageText.Escape(configured)));
        }

        return _cache.GetValue(file, f => Read(f, cancellationToken));
    }

    private static CardFile Unusable(string path, ConfigurationProblem problem) => new(path, ImmutableHashSet<string>.Empty, problem);

    private CardFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return Unusable(file.Path, new ConfigurationProblem(_unreadable, Location.None, MessageText.Escape(file.Path)));
        }

        var ids = _parse(text.ToString(), out var problem);
        if (ids is null)
        {
            var (line, column) = (problem!.Line, problem.Column);
            return Unusable(file.Path, new ConfigurationProblem(
                _invalid, ConfigurationProblem.At(file.Path, text, line, column),
                MessageText.Escape(file.Path), line, column, MessageText.Escape(problem.Message)));
        }

        return new CardFile(file.Path, ids, null);
    }
}
