using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using RegressionProof.Gate.Inputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// The SHA-256 of each test results file (the verification summary's input attestations; how a
/// copy of a run is told from another file claiming its id) is taken from the one read that parses
/// the file: it is the digest of every byte of the file, whatever the reader left unread.
/// </summary>
public sealed class TestResultDigestTests : IDisposable
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly TempFolder _folder = new();

    /// <summary>A file of each format (with and without a byte order mark as written), as each variant of it.</summary>
    public static TheoryData<string, string> FilesAndVariants()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Fixtures)
        {
            foreach (var variant in new[] { "as written", "with its byte order mark toggled", "with content after the root" })
            {
                data.Add(file, variant);
            }
        }

        return data;
    }

    public static TheoryData<string> Files() => [.. Fixtures];

    private static IEnumerable<string> Fixtures =>
    [
        "trx-mtp/xunit3.trx",
        "trx-vstest/mstest4.trx",
        "junit/xunit-v3/junit.xml",
        "junit/hand-written/surefire-retries.xml",
        "nunit/nunit-adapter.xml",
        "xunit/xunit-v3.xml",
        "xunit/xunit-v2-console.xml",
        "ctrf/ctrf-report.json",
    ];

    [Theory]
    [MemberData(nameof(FilesAndVariants))]
    public void The_digest_of_a_file_of_every_format_is_the_SHA_256_of_its_bytes(string fixture, string variant)
    {
        var bytes = Variant(File.ReadAllBytes(TrxFixtureTests.Fixture(fixture)), fixture, variant);
        var path = _folder.WriteBytes("results" + Path.GetExtension(fixture), bytes);

        var results = TestResultsReader.Read([path]);

        Assert.NotEmpty(results.All);
        Assert.Equal(Sha256(bytes), results.FileSha256[path]);
    }

    [Fact]
    public void The_digest_takes_in_what_a_reader_leaves_unread_after_the_root_element()
    {
        // An empty root (a suite of no tests) ends the JUnit reader at once: the rest of the file is
        // never parsed, and far outlasts any read-ahead buffer of the XML reader.
        var bytes = Encoding.UTF8.GetBytes("<testsuite name=\"Shop.Tests\" hostname=\"ci\" timestamp=\"2026-12-02T10:00:00Z\" />\n<!-- " + new string('x', 256 * 1024) + " -->\n\n");
        var path = _folder.WriteBytes("empty-run.xml", bytes);

        var results = TestResultsReader.Read([path]);

        Assert.Equal(1, results.Runs);
        Assert.Equal(Sha256(bytes), results.FileSha256[path]);
    }

    [Fact]
    public void The_digest_of_a_large_ctrf_report_with_trailing_white_space_is_the_SHA_256_of_its_bytes()
    {
        var tests = string.Join(",\n", Enumerable.Range(0, 2_000).Select(i => $$"""{ "name": "Test{{i}}", "status": "passed", "suite": "Shop.Tests.PricingTests", "message": "{{new string('m', 100)}}" }"""));
        var text = $$"""{ "reportId": "r-1", "results": { "tests": [ {{tests}} ] } }""" + "\n" + new string(' ', 100_000) + "\r\n";
        byte[] bytes = [.. ByteOrderMark, .. Encoding.UTF8.GetBytes(text)];
        var path = _folder.WriteBytes("ctrf.json", bytes);

        var results = TestResultsReader.Read([path]);

        Assert.Equal(2_000, results.All.Count);
        Assert.Equal(Sha256(bytes), results.FileSha256[path]);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_is_opened_once_and_its_digest_is_of_what_that_opening_read(string fixture)
    {
        var bytes = File.ReadAllBytes(TrxFixtureTests.Fixture(fixture));

        // No file is at the path: anything that read it other than through the one opening would fail.
        var path = Path.Combine(_folder.Path, "results" + Path.GetExtension(fixture));
        var opened = new List<string>();
        var results = TestResultsReader.Read([new FoundFile(path, Named: true)], _folder.Path, file =>
        {
            opened.Add(file);
            return new MemoryStream(bytes, writable: false);
        });

        Assert.Equal([path], opened);
        Assert.NotEmpty(results.All);
        Assert.Equal(Sha256(bytes), results.FileSha256[Path.GetFileName(path)]);
    }

    [Fact]
    public void A_file_passed_over_as_not_test_results_is_read_no_further_than_its_root_element()
    {
        var results = _folder.Write("results/run.trx", File.ReadAllText(TrxFixtureTests.Fixture("trx-mtp/xunit3.trx")));
        var coverage = Path.Combine(_folder.Path, "results", "coverage.cobertura.xml");
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<coverage line-rate=\"1\"><packages>" + new string(' ', 1024 * 1024) + "</packages></coverage>");
        var streams = new Dictionary<string, CountingStream>();

        var read = TestResultsReader.Read([new FoundFile(results, Named: false), new FoundFile(coverage, Named: false)], _folder.Path, file =>
            streams[file] = new CountingStream(file == coverage ? bytes : File.ReadAllBytes(file)));

        Assert.Equal(["results/coverage.cobertura.xml"], read.PassedOver);
        Assert.False(read.FileSha256.ContainsKey("results/coverage.cobertura.xml"));
        Assert.True(streams[coverage].BytesRead <= 64 * 1024, $"read {streams[coverage].BytesRead:N0} of {bytes.Length:N0} bytes");
    }

    [Fact]
    public void A_file_that_cannot_be_read_to_its_end_is_an_error_naming_it()
    {
        var bytes = File.ReadAllBytes(TrxFixtureTests.Fixture("trx-mtp/xunit3.trx"));
        var path = Path.Combine(_folder.Path, "results.trx");

        var error = Assert.Throws<InputException>(() =>
            TestResultsReader.Read([new FoundFile(path, Named: true)], _folder.Path, _ => new CountingStream(bytes, failAfter: 4096)));

        Assert.Equal(path + ": the test results file cannot be read: " + CountingStream.Failure, error.Message);
    }

    public void Dispose() => _folder.Dispose();

    private static byte[] Variant(byte[] bytes, string fixture, string variant)
    {
        var marked = bytes.AsSpan().StartsWith(ByteOrderMark);
        return variant switch
        {
            "as written" => bytes,
            "with its byte order mark toggled" => marked ? bytes[3..] : [.. ByteOrderMark, .. bytes],
            "with content after the root" => [.. bytes, .. Encoding.UTF8.GetBytes(fixture.EndsWith(".json", StringComparison.Ordinal) ? "\n \t\r\n" : "\n<!-- archived by CI -->\n \t\r\n")],
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A file's bytes that count what is read of them, and fail, as a disk can, past a point.</summary>
    private sealed class CountingStream(byte[] bytes, int failAfter = int.MaxValue) : MemoryStream(bytes, writable: false)
    {
        public const string Failure = "Input/output error";

        public long BytesRead { get; private set; }

        // A MemoryStream subclass reads spans through this, too.
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAfter)
            {
                throw new IOException(Failure);
            }

            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
    }
}
