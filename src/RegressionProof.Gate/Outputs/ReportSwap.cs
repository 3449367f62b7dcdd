using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// Replaces a set of reports in a folder as a unit, with a journal so that a swap cut short, by
/// an error or a kill, is finished or undone instead of leaving new reports beside old ones.
/// <para>
/// Every new report is complete and flushed to disk as <c>.&lt;name&gt;.&lt;set&gt;.tmp</c>
/// before the journal (<c>.regression-proof.journal</c>) is written. Then each earlier report is
/// moved aside to <c>.&lt;name&gt;.&lt;set&gt;.old</c> and its new one moved into place. An I/O
/// error on the way marks the journal "back" and restores the earlier set; after a kill, the
/// next writer finds the journal and rolls the swap forward (state "forward": every new report is
/// on disk) or back (state "back"). Only then are the journal and the side files removed.
/// </para>
/// </summary>
internal sealed class ReportSwap
{
    public const string JournalName = ".regression-proof.journal";

    private const string Header = "regression-proof report swap v1";

    private readonly string _directory;
    private readonly string _set;
    private readonly IReadOnlyList<(string Name, bool Existed)> _reports;

    private ReportSwap(string directory, string set, IReadOnlyList<(string Name, bool Existed)> reports)
    {
        _directory = directory;
        _set = set;
        _reports = reports;
    }

    /// <summary>A swap of <paramref name="names"/> in <paramref name="directory"/>, noting which reports exist now.</summary>
    public static ReportSwap Plan(string directory, IEnumerable<string> names) =>
        new(directory, Guid.NewGuid().ToString("N"), names.Select(name => (name, File.Exists(Path.Combine(directory, name)))).ToList());

    public string Temporary(string name) => Path.Combine(_directory, $".{name}.{_set}.tmp");

    /// <summary>Moves the new reports into place; on an I/O error the earlier set is restored and the error rethrown.</summary>
    public void Commit(Action<string>? afterStep)
    {
        WriteJournal("forward");
        afterStep?.Invoke("journal");
        try
        {
            foreach (var (name, existed) in _reports)
            {
                if (existed)
                {
                    File.Move(Final(name), Backup(name));
                    afterStep?.Invoke("aside " + name);
                }

                File.Move(Temporary(name), Final(name));
                afterStep?.Invoke("replaced " + name);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            WriteJournal("back");
            RollBack();
            throw;
        }

        Finish();
    }

    /// <summary>Deletes the new reports written so far, before any journal exists.</summary>
    public void Abandon()
    {
        foreach (var (name, _) in _reports)
        {
            File.Delete(Temporary(name));
        }
    }

    /// <summary>Finishes or undoes a swap that a killed writer left, as its journal says.</summary>
    public static void Recover(string directory)
    {
        var journal = Path.Combine(directory, JournalName);
        if (!File.Exists(journal))
        {
            return;
        }

        var (state, swap) = Read(directory, journal);
        if (state == "forward")
        {
            swap.RollForward();
        }
        else
        {
            swap.RollBack();
        }
    }

    /// <summary>
    /// Side files a killed writer left before its journal existed (half-written reports, a
    /// half-written journal): nothing refers to them, so they go.
    /// </summary>
    public static void RemoveOrphans(string directory, IEnumerable<string> names)
    {
        var prefixes = names.Select(name => "." + name + ".").Append(JournalName + ".").ToList();
        foreach (var path in Directory.EnumerateFiles(directory, ".*"))
        {
            var file = Path.GetFileName(path);
            foreach (var prefix in prefixes)
            {
                if (file.StartsWith(prefix, StringComparison.Ordinal) && IsSetSuffix(file[prefix.Length..]))
                {
                    File.Delete(path);
                    break;
                }
            }
        }
    }

    private static bool IsSetSuffix(string suffix)
    {
        var dot = suffix.IndexOf('.', StringComparison.Ordinal);
        return dot == 32 && suffix[(dot + 1)..] is "tmp" or "old" && suffix[..dot].All(Uri.IsHexDigit);
    }

    private string Final(string name) => Path.Combine(_directory, name);

    private string Backup(string name) => Path.Combine(_directory, $".{name}.{_set}.old");

    private void RollForward()
    {
        foreach (var (name, _) in _reports)
        {
            if (File.Exists(Temporary(name)))
            {
                File.Move(Temporary(name), Final(name), overwrite: true);
            }
        }

        Finish();
    }

    private void RollBack()
    {
        foreach (var (name, existed) in _reports)
        {
            if (File.Exists(Backup(name)))
            {
                File.Move(Backup(name), Final(name), overwrite: true);
            }
            else if (!existed)
            {
                File.Delete(Final(name));
            }
        }

        Finish();
    }

    /// <summary>Removes the side files, the journal last: until it is gone, a next writer would redo this.</summary>
    private void Finish()
    {
        foreach (var (name, _) in _reports)
        {
            File.Delete(Backup(name));
            File.Delete(Temporary(name));
        }

        File.Delete(Path.Combine(_directory, JournalName));
    }

    /// <summary>The journal is itself replaced by a rename, so it is read whole or not at all.</summary>
    private void WriteJournal(string state)
    {
        var text = new StringBuilder().Append(Header).Append('\n')
            .Append("state ").Append(state).Append('\n')
            .Append("set ").Append(_set).Append('\n');
        foreach (var (name, existed) in _reports)
        {
            text.Append("report ").Append(existed ? "existed " : "new ").Append(name).Append('\n');
        }

        var temporary = Path.Combine(_directory, $"{JournalName}.{_set}.tmp");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(_directory, JournalName), overwrite: true);
    }

    private static (string State, ReportSwap Swap) Read(string directory, string journal)
    {
        var lines = File.ReadAllText(journal, Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var unreadable = new IOException(
            $"{journal}: not a report swap journal this gate can finish; remove it and the .tmp and .old files beside it, then run the gate again");
        if (lines.Length < 4 || lines[0] != Header || lines[1] is not ("state forward" or "state back")
            || !lines[2].StartsWith("set ", StringComparison.Ordinal) || !IsSetSuffix(lines[2][4..] + ".tmp"))
        {
            throw unreadable;
        }

        var reports = new List<(string, bool)>();
        foreach (var line in lines.Skip(3))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length != 3 || parts[0] != "report" || parts[1] is not ("existed" or "new") || !IsReportName(parts[2]))
            {
                throw unreadable;
            }

            reports.Add((parts[2], parts[1] == "existed"));
        }

        return (lines[1][6..], new ReportSwap(directory, lines[2][4..], reports));
    }

    // A journal names files in its own folder only.
    private static bool IsReportName(string name) =>
        name.Length > 0 && name[0] != '.' && name.IndexOfAny(['/', '\\', ':']) < 0;
}
