using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Xml;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads one test results file in whichever format it is, recognised by its content (its root
/// element), never by its extension: runners and CI systems name their files freely.
/// </summary>
internal static class TestResultFile
{
    /// <summary>The formats read, as messages list them.</summary>
    public const string Formats = "TRX, JUnit XML, NUnit XML, xUnit XML, CTRF";

    /// <summary>The runs a file records (most formats record one), and the SHA-256 of its bytes, lowercase hex.</summary>
    public sealed record Contents(IReadOnlyList<TestRun> Runs, string Sha256);

    /// <summary>
    /// Reads the file once: its bytes are hashed as its reader streams them, and what the reader
    /// leaves after the root's end (white space, a comment) is read through the hash after it, so
    /// that the digest is of the whole file. A file that is no test results file is not read further.
    /// </summary>
    /// <param name="path">The file to read; errors name it.</param>
    /// <param name="display">The name findings give the file (relative to where the gate runs).</param>
    /// <param name="open">Opens the file; <see cref="Open"/> unless a test watches what is opened.</param>
    public static Contents Read(string path, string display, Func<string, Stream>? open = null)
    {
        using var file = (open ?? Open)(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingStream(file, hash);
        try
        {
            var runs = ReadRuns(hashing, path, display);
            hashing.HashRest();
            return new Contents(runs, Sha256Hex.Of(hash));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"the test results file cannot be read: {exception.Message}");
        }
    }

    private static IReadOnlyList<TestRun> ReadRuns(Stream stream, string path, string display)
    {
        var first = FirstCharacter(stream);
        stream.Position = 0;
        return first switch
        {
            -1 => throw new InputException(path, "the test results file is empty; a run that was interrupted or failed to start leaves one: run the tests again"),
            '<' => ResultXml.Read(stream, path, reader => ReadXml(reader, path, display)),
            '{' => [CtrfReader.Read(stream, path, display)],
            _ => throw new NotTestResultsException(path, $"is not a test results file: it is neither XML nor JSON (the gate reads {Formats})"),
        };
    }

    private static IReadOnlyList<TestRun> ReadXml(XmlReader reader, string path, string display)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw NotTestResults(reader, path, $"is not a test results file: it has no root element (the gate reads {Formats})");
        }

        return reader.LocalName switch
        {
            "TestRun" => [TrxReader.Read(reader, path, display)],
            "testsuites" or "testsuite" => JUnitXmlReader.Read(reader, path, display),
            "test-run" => NUnitXmlReader.Read(reader, path, display),
            "assemblies" or "assembly" => XunitXmlReader.Read(reader, path, display),
            var root => throw NotTestResults(reader, path, $"is not a test results file the gate reads: its root element is <{ResultXml.Shorten(root)}> (the gate reads {Formats})"),
        };
    }

    /// <summary>
    /// The error for a file whose content is no format the gate reads (its root element or first
    /// character says so): named by itself it is unusable input; found in a folder or by a glob it
    /// is passed over, as results folders also hold coverage reports and settings.
    /// </summary>
    public static NotTestResultsException NotTestResults(XmlReader reader, string path, string reason)
    {
        var at = ResultXml.Error(reader, path, reason);
        return new NotTestResultsException(path, reason, at.Line, at.Column);
    }

    // The first character after a byte order mark and white space, or -1 when there is none.
    private static int FirstCharacter(Stream stream)
    {
        var head = new byte[4096];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var at = length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        while (at < length && head[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at < length ? head[at] : -1;
    }

    /// <summary>
    /// A regular file only (a FIFO would hang the gate, a device never end), and no larger than the
    /// cap; the readers' own bounds still hold for a file that grows while it is read.
    /// </summary>
    public static FileStream Open(string path)
    {
        var stream = TextFile.Open(path, "test results");
        if (stream.Length > TextFile.MaxGeneratedBytes)
        {
            var length = stream.Length;
            stream.Dispose();
            throw new InputException(path, $"the test results file is {length:N0} bytes; more than {TextFile.MaxGeneratedBytes:N0} is not a test results file");
        }

        return stream;
    }
}

/// <summary>A file that is no test results file at all (<see cref="TestResultFile.NotTestResults"/>); a damaged one is a plain <see cref="InputException"/>.</summary>
internal sealed class NotTestResultsException(string file, string reason, long? line = null, long? column = null) : InputException(file, reason, line, column);
