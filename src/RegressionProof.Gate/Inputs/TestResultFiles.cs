using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// The test result files that <c>--test-results</c> names: a file, a folder (every .trx, .xml and
/// .json beneath it) or a glob with <c>*</c> and <c>?</c> anywhere in a name and <c>**</c> for any
/// number of folders.
/// </summary>
internal static class TestResultFiles
{
    /// <summary>What a folder is searched for: the extensions result files of every format read have.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".trx", ".xml", ".json"];

    private const int MaxLinkHops = 40; // as the kernel's ELOOP limit: a longer chain is a loop

    // Linux paths are case-sensitive; Windows and macOS volumes usually are not.
    private static readonly StringComparer PathComparer = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>The files the patterns name, each file once however many patterns or links reach it.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> patterns, string baseDirectory) =>
        Find(patterns, baseDirectory).Select(f => f.Path).ToList();

    /// <summary>
    /// The files the patterns name, each once, and whether each is named as test results: a file
    /// named by itself, or a .trx however it was found, must be test results; any other file
    /// found in a folder or by a glob may turn out to be something else (a coverage report).
    /// </summary>
    public static IReadOnlyList<FoundFile> Find(IEnumerable<string> patterns, string baseDirectory)
    {
        var files = new List<FoundFile>();
        var seen = new Dictionary<string, int>(PathComparer);
        foreach (var pattern in patterns)
        {
            var found = Expand(pattern, baseDirectory);
            var byItself = found.Count == 1 && IsFile(pattern, baseDirectory);
            foreach (var file in found)
            {
                var named = byItself || file.EndsWith(".trx", StringComparison.OrdinalIgnoreCase);
                var real = RealPath(file);
                if (seen.TryGetValue(real, out var at))
                {
                    files[at] = files[at] with { Named = files[at].Named || named };
                }
                else
                {
                    seen.Add(real, files.Count);
                    files.Add(new FoundFile(file, named));
                }
            }
        }

        return files;
    }

    /// <summary>The files one pattern names, relative to <paramref name="baseDirectory"/>, sorted.</summary>
    public static IReadOnlyList<string> Expand(string pattern, string baseDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, pattern));
        var firstWildcard = full.IndexOfAny(['*', '?']);
        if (firstWildcard < 0)
        {
            if (Directory.Exists(full))
            {
                var inFolder = Match(full, ["**", "*"]).Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
                return inFolder.Count > 0 ? inFolder : throw new InputException(pattern, $"no test results file ({string.Join(", ", Extensions)}) in this folder or beneath it");
            }

            return File.Exists(full) ? [full] : throw new InputException(pattern, "the test results file does not exist");
        }

        // The folder to search from ends at the last separator before the first wildcard, so a
        // wildcard may sit anywhere in a name ("Shop*.trx", "tr?/x.trx").
        var lastSeparator = full.LastIndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], firstWildcard);
        var root = full[..(lastSeparator + 1)];
        if (!Directory.Exists(root))
        {
            throw new InputException(pattern, $"no test results: the folder {root} does not exist");
        }

        var segments = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        if (segments[^1] == "**")
        {
            segments = [.. segments, "*"]; // "results/**": every file beneath
        }

        var matches = Match(root, segments);
        return matches.Count > 0 ? matches : throw new InputException(pattern, "no test results file matches");
    }

    /// <summary>
    /// The path with every link in it resolved, so that a file reached through a symbolic link
    /// (to it or to a folder above it) is known as the same file.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < MaxLinkHops; hops++)
        {
            var resolved = ResolveFirstLink(full);
            if (resolved is null)
            {
                return full;
            }

            full = resolved;
        }

        throw new InputException(path, "cannot be read: too many levels of symbolic links");
    }

    // The path with its first (outermost) link replaced by that link's target, or null when no part of it is a link.
    private static string? ResolveFirstLink(string full)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null; // cannot be inspected: the path as written is the best name it has
            }

            if (target is not null)
            {
                var resolved = Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root);
                return Path.Combine([resolved, .. parts[(i + 1)..]]);
            }
        }

        return null;
    }

    private static bool IsFile(string pattern, string baseDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, pattern));
        return full.IndexOfAny(['*', '?']) < 0 && !Directory.Exists(full);
    }

    private static List<string> Match(string root, IReadOnlyList<string> segments)
    {
        var files = new List<string>();
        var visited = new HashSet<string>(PathComparer);
        Match(root, segments, 0, files, visited);
        return files.Distinct(PathComparer).Order(StringComparer.Ordinal).ToList();
    }

    private static void Match(string folder, IReadOnlyList<string> segments, int index, List<string> files, HashSet<string> visited)
    {
        var segment = segments[index];
        if (segment == "**")
        {
            // Each folder is walked once, so links that loop back do not walk forever.
            if (!visited.Add(RealPath(folder) + "\n" + index))
            {
                return;
            }

            if (index + 1 < segments.Count)
            {
                Match(folder, segments, index + 1, files, visited);
            }

            foreach (var child in Folders(folder))
            {
                Match(child, segments, index, files, visited);
            }

            return;
        }

        if (index == segments.Count - 1)
        {
            files.AddRange(Files(folder).Where(file => Wildcard.Matches(segment, Path.GetFileName(file))));
            return;
        }

        foreach (var child in Folders(folder).Where(child => Wildcard.Matches(segment, Path.GetFileName(child))))
        {
            Match(child, segments, index + 1, files, visited);
        }
    }

    private static IEnumerable<string> Folders(string folder)
    {
        try
        {
            return Directory.GetDirectories(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException(folder, "cannot be searched for test results: " + exception.Message);
        }
    }

    private static IEnumerable<string> Files(string folder)
    {
        try
        {
            return Directory.GetFiles(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException(folder, "cannot be searched for test results: " + exception.Message);
        }
    }

    /// <summary><c>*</c> (any run of characters) and <c>?</c> (one character) in one file or folder name, ignoring case.</summary>
    internal static class Wildcard
    {
        // The classic greedy match that backtracks only to the last star: linear in practice, no regular expression to time out.
        public static bool Matches(string pattern, string name)
        {
            int p = 0, n = 0, star = -1, resume = 0;
            while (n < name.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n])))
                {
                    p++;
                    n++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    resume = n;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    n = ++resume;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }
    }
}

/// <summary>A file <c>--test-results</c> reached, and whether it was named as test results (<see cref="TestResultFiles.Find"/>).</summary>
internal sealed record FoundFile(string Path, bool Named);
