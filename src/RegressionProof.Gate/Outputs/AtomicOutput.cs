using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// Writes the report files all or nothing: each goes to a temporary file beside its target first,
/// and only when every one is written are they moved into place, so a failure never leaves a
/// half-written or mixed set of outputs.
/// </summary>
internal static class AtomicOutput
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAll(string directory, IReadOnlyList<(string Name, string Content)> files)
    {
        var encoded = new List<(string, byte[])>(files.Count);
        foreach (var (name, content) in files)
        {
            encoded.Add((name, Utf8NoBom.GetBytes(content)));
        }

        WriteAll(directory, encoded);
    }

    public static void WriteAll(string directory, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var writers = new List<(string, Action<Stream>)>(files.Count);
        foreach (var (name, content) in files)
        {
            writers.Add((name, stream => stream.Write(content)));
        }

        WriteAll(directory, writers);
    }

    /// <summary>Each file is written by its <c>Write</c> straight to a temporary file, never held whole in memory.</summary>
    public static void WriteAll(string directory, IReadOnlyList<(string Name, Action<Stream> Write)> files)
    {
        Directory.CreateDirectory(directory);
        var temporary = new List<(string Temp, string Final)>();
        try
        {
            foreach (var (name, write) in files)
            {
                var final = Path.Combine(directory, name);
                var temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
                temporary.Add((temp, final));
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024);
                write(stream);
            }

            foreach (var (temp, final) in temporary)
            {
                File.Move(temp, final, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temp, _) in temporary)
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
}
