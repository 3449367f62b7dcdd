using System;
using System.IO;
using System.Runtime.InteropServices;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// What kind of file system entry a path names. An input must be a regular file: opening a FIFO
/// waits for a writer that may never come, and a device such as <c>/dev/zero</c> never ends.
/// </summary>
internal static class FileKind
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // stx_mode in struct statx, the same on every Linux architecture
    private const int TypeMask = 0xF000;

    /// <summary>
    /// How the entry at <paramref name="path"/> differs from a regular file ("a FIFO", "a
    /// character device", ...), or null when it is a regular file, does not exist, or its kind
    /// cannot be asked (only Linux is asked; elsewhere directories are still told apart).
    /// </summary>
    public static string? NotARegularFile(string path)
    {
        if (Directory.Exists(path))
        {
            return "a directory";
        }

        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256]; // struct statx is 256 bytes
        try
        {
            if (Statx(AtCurrentDirectory, Path.GetFullPath(path), 0, StatxType, buffer) != 0)
            {
                return null; // missing or unreadable: the caller's own checks say so
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a C library without statx (glibc before 2.28)
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            0x8000 => null,
            0x4000 => "a directory",
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
