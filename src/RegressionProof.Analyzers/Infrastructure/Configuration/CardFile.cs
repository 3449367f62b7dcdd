using System.Collections.Immutable;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// The card IDs a configured file names (the release file, the baseline), or why they could not
/// be read. <see cref="CardFileReader"/> makes it.
/// </summary>
internal sealed class CardFile
{
    public CardFile(string path, ImmutableHashSet<string> ids, ConfigurationProblem? problem)
    {
        Path = path;
        Ids = ids;
        Problem = problem;
    }

    public string Path { get; }

    /// <summary>The card IDs of the file; empty when there is a <see cref="Problem"/>.</summary>
    public ImmutableHashSet<string> Ids { get; }

    /// <summary>Why the file could not be used; null when <see cref="Ids"/> is complete.</summary>
    public ConfigurationProblem? Problem { get; }

    /// <summary>The file name as messages show it.</summary>
    public string FileName => MessageText.Escape(System.IO.Path.GetFileName(Path));
}
