using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Cli;

/// <summary>
/// <c>init</c>: a release file and a changelog to start from, from what the build already links.
/// What only people know (version, class, owner, backup, evidence) is left as a placeholder the
/// gate refuses, so a half-written file never passes; an existing file is never touched.
/// </summary>
internal static class InitCommand
{
    private const string Placeholder = ReleaseFileReader.InitPlaceholder;

    public static int Run(GateOptions options, TextWriter stdout, TextWriter stderr, string workingDirectory, bool interactive)
    {
        var target = Discovery.Resolve(Path.Combine(workingDirectory, options.Path), options.Configuration);
        var releasePath = Resolve(options.Release, workingDirectory, target.Folder, "release.json");
        var changelogPath = Resolve(options.Changelog, workingDirectory, target.Folder, "CHANGELOG.md");
        if (File.Exists(releasePath) && File.Exists(changelogPath))
        {
            stderr.WriteLine($"verify-regression-safety: nothing to write: {Text.Printable(releasePath)} and {Text.Printable(changelogPath)} exist, and init never overwrites a file; edit them, or gate with verify-regression-safety {Text.Printable(options.Path)}");
            return ExitCodes.UnusableInput;
        }

        var assemblies = GateCommand.ScanBuild(target, options, stderr, interactive);
        var cards = assemblies.SelectMany(a => a.Links).Select(l => l.Card).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var written = new List<string>();
        var kept = new List<string>();
        Write(releasePath, ReleaseJson(cards), written, kept);
        Write(changelogPath, ChangelogText(cards), written, kept);

        var relative = (string path) => Text.Printable(Path.GetRelativePath(workingDirectory, path));
        foreach (var path in written)
        {
            stdout.WriteLine($"wrote {relative(path)}");
        }

        foreach (var path in kept)
        {
            stdout.WriteLine($"kept {relative(path)} as it is (init never overwrites a file)");
        }

        stdout.WriteLine(cards.Count == 0
            ? "no card found in the build: mark a fix with [Fixes(\"CARD-1\")] and its proof with [RegressionFor(\"CARD-1\")], build, and add the card to the release file"
            : $"{cards.Count} card(s) found in the build: {string.Join(", ", cards.Select(Text.Printable))}");
        stdout.WriteLine($"""

            Next steps:
              1. In {relative(releasePath)}, replace every "{Placeholder} …" value (version, class), and give each card
                 its owner, backup and evidence; remove the cards that are not in this release.
              2. In {relative(changelogPath)}, describe each card under "## [Unreleased]" (or the release's version).
              3. On a pull request: verify-regression-safety check {Text.Printable(options.Path)} --test-results "artifacts/test-results/*.trx"
              4. Before the release: verify-regression-safety {Text.Printable(options.Path)} --test-results "artifacts/test-results/*.trx"
            """);
        return ExitCodes.Pass;
    }

    private static void Write(string path, string text, List<string> written, List<string> kept)
    {
        if (File.Exists(path))
        {
            kept.Add(path);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // CreateNew: a file that appeared since the check above is still not overwritten.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.Write(Encoding.UTF8.GetBytes(text));
        written.Add(path);
    }

    private static string ReleaseJson(IReadOnlyList<string> cards)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", $"{Placeholder} the version to release, such as 1.0.0>");
            json.WriteString("class", $"{Placeholder} patch, minor or major>");
            json.WriteStartArray("approvals");
            json.WriteEndArray();
            json.WriteStartObject("rollback");
            json.WriteString("plan", string.Empty);
            json.WriteBoolean("tested", false);
            json.WriteEndObject();
            json.WriteStartArray("cards");
            foreach (var card in cards)
            {
                json.WriteStartObject();
                json.WriteString("id", card);
                json.WriteString("owner", string.Empty);
                json.WriteString("backup", string.Empty);
                json.WriteStartArray("evidence");
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string ChangelogText(IReadOnlyList<string> cards)
    {
        var text = new StringBuilder("# Changelog\n\n## [Unreleased]\n");
        foreach (var card in cards)
        {
            text.Append("- ").Append(card).Append(": describe the fix\n");
        }

        return text.ToString();
    }

    private static string Resolve(string? given, string workingDirectory, string folder, string defaultName) =>
        given is null ? Path.Combine(folder, defaultName) : Path.GetFullPath(Path.Combine(workingDirectory, given));
}
