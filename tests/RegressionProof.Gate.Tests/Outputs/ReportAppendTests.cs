using System;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// Close-out appends its record to the release log the gate wrote: the earlier log stays byte for
/// byte, and an append cut short leaves the earlier log whole, never a part of the new one.
/// </summary>
public sealed class ReportAppendTests : IDisposable
{
    private const string Log = "release-log.md";

    private readonly TempFolder _folder = new();

    private string LogPath => Path.Combine(_folder.Path, Log);

    [Theory]
    [InlineData("# Release log: 2.4.1\n\nVerdict: PASS\n", "# Release log: 2.4.1\n\nVerdict: PASS\n\n## Close-out\n")]
    [InlineData("# Release log: 2.4.1\n\nVerdict: PASS", "# Release log: 2.4.1\n\nVerdict: PASS\n\n## Close-out\n")]
    [InlineData("", "## Close-out\n")]
    public void The_section_follows_the_earlier_log_after_a_blank_line(string earlier, string expected)
    {
        _folder.Write(Log, earlier);

        ReportAppend.Append(_folder.Path, Log, "## Close-out\n");

        Assert.Equal(expected, File.ReadAllText(LogPath));
    }

    [Fact]
    public void The_earlier_bytes_are_kept_as_they_are_whatever_their_encoding_or_line_ends()
    {
        byte[] earlier = [0xEF, 0xBB, 0xBF, (byte)'#', (byte)' ', 0xC3, 0xA9, (byte)'\r', (byte)'\n'];
        _folder.WriteBytes(Log, earlier);

        ReportAppend.Append(_folder.Path, Log, "## Close-out\n");

        Assert.Equal(earlier.Concat("\n## Close-out\n"u8.ToArray()), File.ReadAllBytes(LogPath));
    }

    [Fact]
    public void An_io_error_during_the_swap_leaves_the_earlier_log_whole_and_no_side_file()
    {
        _folder.Write(Log, "# Release log\n");

        var failure = Assert.Throws<IOException>(() => ReportAppend.Append(_folder.Path, Log, "## Close-out\n", afterStep: step =>
        {
            if (step == "aside " + Log)
            {
                throw new IOException("disk gone");
            }
        }));

        Assert.Equal("disk gone", failure.Message);
        Assert.Equal("# Release log\n", File.ReadAllText(LogPath));
        Assert.DoesNotContain(Directory.GetFiles(_folder.Path, ".*").Select(Path.GetFileName), name => name != OutputLock.FileName);
    }

    [Fact]
    public void A_kill_after_the_journal_is_rolled_forward_by_the_next_writer_with_the_section_once()
    {
        _folder.Write(Log, "# Release log\n");
        Assert.Throws<InvalidOperationException>(() => ReportAppend.Append(_folder.Path, Log, "## First\n", afterStep: step =>
        {
            if (step == "aside " + Log)
            {
                throw new InvalidOperationException("killed");
            }
        }));

        ReportAppend.Append(_folder.Path, Log, "## Second\n");

        Assert.Equal("# Release log\n\n## First\n\n## Second\n", File.ReadAllText(LogPath));
    }

    [Fact]
    public void A_log_that_is_not_there_is_not_created()
    {
        Assert.Throws<FileNotFoundException>(() => ReportAppend.Append(_folder.Path, Log, "## Close-out\n"));

        Assert.False(File.Exists(LogPath));
    }

    public void Dispose() => _folder.Dispose();
}
