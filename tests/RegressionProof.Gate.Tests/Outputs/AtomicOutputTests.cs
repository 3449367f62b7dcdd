using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// The reports are replaced as a set: whatever fails, races or is killed, a folder never holds
/// reports of two runs, and no side file outlives the next run.
/// </summary>
public sealed class AtomicOutputTests : IDisposable
{
    private static readonly string[] Reports = ["coverage-manifest.json", "release-log.md", "regression-proof.sarif"];

    private readonly TempFolder _folder = new();

    [Fact]
    public void A_directory_in_the_way_is_refused_before_anything_is_replaced()
    {
        Write("old");
        var before = Snapshot();
        File.Delete(Report("release-log.md"));
        Directory.CreateDirectory(Report("release-log.md"));
        before.Remove("release-log.md");

        var failure = Assert.Throws<IOException>(() => Write("new"));

        Assert.Equal($"cannot write the report '{Report("release-log.md")}': a directory is in the way; no report was replaced", failure.Message);
        Assert.Equal(before, Snapshot());
        AssertNoSideFiles();
    }

    [Fact]
    public void An_io_error_during_the_swap_restores_the_earlier_set_byte_for_byte()
    {
        Write("old");
        var before = Snapshot();

        var failure = Assert.Throws<IOException>(() => Write("new", step =>
        {
            if (step == "replaced release-log.md")
            {
                throw new IOException("disk gone");
            }
        }));

        Assert.Equal("disk gone", failure.Message);
        Assert.Equal(before, Snapshot());
        AssertNoSideFiles();
    }

    [Fact]
    public void An_io_error_during_the_first_swap_leaves_no_report_at_all()
    {
        Assert.Throws<IOException>(() => Write("new", step =>
        {
            if (step == "replaced release-log.md")
            {
                throw new IOException("disk gone");
            }
        }));

        Assert.Empty(Snapshot());
        AssertNoSideFiles();
    }

    [Theory]
    [InlineData("journal")]
    [InlineData("aside coverage-manifest.json")]
    [InlineData("replaced coverage-manifest.json")]
    [InlineData("aside release-log.md")]
    [InlineData("replaced release-log.md")]
    [InlineData("aside regression-proof.sarif")]
    public void A_swap_killed_part_way_is_rolled_forward_by_the_next_writer(string killedAfter)
    {
        Write("old");

        // Not an I/O error: nothing is undone, as when the process is killed.
        Assert.Throws<InvalidOperationException>(() => Write("new", step =>
        {
            if (step == killedAfter)
            {
                throw new InvalidOperationException("killed");
            }
        }));
        Assert.True(File.Exists(Path.Combine(_folder.Path, ReportSwap.JournalName)));

        ReportSwap.Recover(_folder.Path);

        Assert.Equal(Reports.ToDictionary(name => name, name => $"new {name}"), Snapshot());
        AssertNoSideFiles();
    }

    [Fact]
    public void The_next_run_after_a_kill_recovers_then_writes_its_own_set()
    {
        Write("old");
        Assert.Throws<InvalidOperationException>(() => Write("killed", step =>
        {
            if (step == "replaced coverage-manifest.json")
            {
                throw new InvalidOperationException("killed");
            }
        }));

        Write("next");

        Assert.Equal(Reports.ToDictionary(name => name, name => $"next {name}"), Snapshot());
        AssertNoSideFiles();
    }

    [Fact]
    public void A_rollback_cut_short_is_finished_by_the_next_writer()
    {
        Write("old");
        var before = Snapshot();

        // The state a kill during a rollback leaves: the journal says "back", one report is still
        // new and its earlier version is aside.
        Write("new", step =>
        {
            if (step == "replaced coverage-manifest.json")
            {
                var journal = Path.Combine(_folder.Path, ReportSwap.JournalName);
                File.WriteAllText(journal, File.ReadAllText(journal).Replace("state forward", "state back", StringComparison.Ordinal));
                throw new InvalidOperationException("killed");
            }
        }, expectKill: true);
        Assert.Equal("new coverage-manifest.json", File.ReadAllText(Report("coverage-manifest.json")));

        ReportSwap.Recover(_folder.Path);

        Assert.Equal(before, Snapshot());
        AssertNoSideFiles();
    }

    [Fact]
    public void Orphaned_temporary_files_of_a_writer_killed_before_its_swap_are_removed()
    {
        Write("old");
        var orphans = new[] { $".coverage-manifest.json.{Guid.NewGuid():N}.tmp", $".release-log.md.{Guid.NewGuid():N}.old", $"{ReportSwap.JournalName}.{Guid.NewGuid():N}.tmp" };
        foreach (var orphan in orphans)
        {
            _folder.Write(orphan, "half");
        }

        _folder.Write(".keep.tmp", "not ours");

        Write("new");

        AssertNoSideFiles();
        Assert.True(File.Exists(Path.Combine(_folder.Path, ".keep.tmp")));
    }

    [Fact]
    public async Task Concurrent_writers_to_one_folder_never_leave_a_mixed_set()
    {
        const int Writers = 4;
        const int Rounds = 20;
        var done = 0;
        var mixed = new List<string>();
        var reader = Task.Run(() =>
        {
            // A reader that takes the lock sees whole sets only.
            while (Volatile.Read(ref done) < Writers)
            {
                using (OutputLock.Acquire(_folder.Path, TimeSpan.FromSeconds(30)))
                {
                    var sets = Reports.Where(name => File.Exists(Report(name))).Select(name => SetOf(File.ReadAllText(Report(name)))).Distinct().ToList();
                    if (sets.Count > 1)
                    {
                        lock (mixed)
                        {
                            mixed.Add(string.Join(", ", sets));
                        }
                    }
                }

                Thread.Sleep(1);
            }
        });

        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, writer =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                // Large enough that writing a set takes a while, as a real manifest does.
                var padding = new string('x', 64 * 1024);
                var set = $"writer{writer}-round{round}";
                AtomicOutput.WriteAll(_folder.Path, Reports.Select(name => (name, $"{set} {name}\n{padding}")).ToList());
            }

            Interlocked.Increment(ref done);
        });
        await reader;

        Assert.Empty(mixed);
        Assert.Single(Reports.Select(name => SetOf(File.ReadAllText(Report(name)))).Distinct());
        AssertNoSideFiles();
    }

    [Fact]
    public void A_writer_waits_a_bounded_time_for_the_lock_then_says_who_holds_it()
    {
        Directory.CreateDirectory(_folder.Path);
        using var held = OutputLock.Acquire(_folder.Path, TimeSpan.FromSeconds(5));

        var failure = Assert.Throws<IOException>(() => AtomicOutput.WriteAll(_folder.Path,
            Reports.Select(name => (name, (Action<Stream>)(stream => stream.Write("x"u8)))).ToList(), lockTimeout: TimeSpan.FromMilliseconds(200)));

        Assert.StartsWith($"another verify-regression-safety is writing reports to '{_folder.Path}'", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Snapshot());
    }

    [Fact]
    public void A_journal_naming_files_outside_the_folder_is_refused_not_followed()
    {
        Write("old");
        _folder.Write(ReportSwap.JournalName,
            $"regression-proof report swap v1\nstate back\nset {Guid.NewGuid():N}\nreport new ../../victim.txt\n");

        var failure = Assert.Throws<IOException>(() => ReportSwap.Recover(_folder.Path));

        Assert.StartsWith(Path.Combine(_folder.Path, ReportSwap.JournalName) + ": not a report swap journal", failure.Message, StringComparison.Ordinal);
    }

    private static string SetOf(string report) => report[..report.IndexOf(' ', StringComparison.Ordinal)];

    private void Write(string set, Action<string>? afterStep = null, bool expectKill = false)
    {
        var files = Reports.Select(name => (name, (Action<Stream>)(stream => stream.Write(Encoding.UTF8.GetBytes($"{set} {name}"))))).ToList();
        if (expectKill)
        {
            Assert.Throws<InvalidOperationException>(() => AtomicOutput.WriteAll(_folder.Path, files, afterStep: afterStep));
        }
        else
        {
            AtomicOutput.WriteAll(_folder.Path, files, afterStep: afterStep);
        }
    }

    private string Report(string name) => Path.Combine(_folder.Path, name);

    private Dictionary<string, string> Snapshot() =>
        Reports.Where(name => File.Exists(Report(name))).ToDictionary(name => name, name => File.ReadAllText(Report(name)));

    private void AssertNoSideFiles() =>
        Assert.DoesNotContain(Directory.GetFiles(_folder.Path, ".*").Select(Path.GetFileName), name => name != OutputLock.FileName && name != ".keep.tmp");

    public void Dispose() => _folder.Dispose();
}
