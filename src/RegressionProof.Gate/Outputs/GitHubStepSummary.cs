using System;
using System.IO;
using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// The job summary on GitHub Actions: the release log, appended to <c>$GITHUB_STEP_SUMMARY</c>.
/// GitHub refuses a step's summary above 1 MiB (and shows none of it), so a longer log is cut at a
/// line, ending with a pointer to the whole <c>release-log.md</c>.
/// </summary>
internal static class GitHubStepSummary
{
    /// <summary>GitHub's limit for one step's summary file, in bytes.</summary>
    public const int Cap = 1024 * 1024;

    /// <summary>Appends <paramref name="releaseLog"/>, cut to what is left of the cap in the file (an earlier command of the step may have written to it).</summary>
    public static void Append(string path, string releaseLog, string releaseLogPath)
    {
        var used = File.Exists(path) ? new FileInfo(path).Length : 0;
        var room = (int)System.Math.Max(0, Cap - used);
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        file.Write(Fit(releaseLog, room, releaseLogPath));
    }

    /// <summary>The log as UTF-8, whole when it fits in <paramref name="room"/> bytes, otherwise cut after a line and ended with the pointer.</summary>
    public static byte[] Fit(string releaseLog, int room, string releaseLogPath)
    {
        var whole = Encoding.UTF8.GetBytes(releaseLog);
        if (whole.Length <= room)
        {
            return whole;
        }

        var pointer = Encoding.UTF8.GetBytes(
            $"\n\n**The job summary stops here:** GitHub shows at most 1 MiB. The whole log is `{Path.GetFileName(releaseLogPath)}` " +
            $"in {MarkdownText.Escape(Path.GetDirectoryName(releaseLogPath) ?? ".")}; upload that folder as an artifact to keep it.\n");
        var keep = System.Math.Max(0, room - pointer.Length);
        // Cut after a line break: never inside a character or a table row.
        var cut = System.Array.LastIndexOf(whole, (byte)'\n', System.Math.Max(0, keep - 1)) + 1;
        if (pointer.Length > room)
        {
            return [];
        }

        var fitted = new byte[cut + pointer.Length];
        whole.AsSpan(0, cut).CopyTo(fitted);
        pointer.CopyTo(fitted, cut);
        return fitted;
    }
}
