using System.Runtime.InteropServices;

namespace Slipway.Fingerprints;

/// <summary>
/// What the digest cache compares to decide that a file is unchanged: size, modification time, status change time
/// and inode. The status change time (ctime) moves on every write and cannot be set back by a program, so an edit
/// that restores the size and the modification time is still noticed. On Linux the stamp comes from statx(2); on
/// other systems only size and modification time are available.
/// </summary>
public readonly record struct FileStamp(long Size, long ModifiedNanoseconds, long ChangedNanoseconds, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>The later of the modification and status change times, in nanoseconds since the Unix epoch.</summary>
    public long LatestNanoseconds => Math.Max(ModifiedNanoseconds, ChangedNanoseconds);

    public static FileStamp Read(string path)
    {
        if (OperatingSystem.IsLinux() && TryStatx(path, out var stamp))
            return stamp;
        var info = new FileInfo(path);
        var modified = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100;
        return new FileStamp(info.Length, modified, modified, 0);
    }

    private static unsafe bool TryStatx(string path, out FileStamp stamp)
    {
        // struct statx is 256 bytes with the same layout on every Linux architecture.
        var buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                stamp = default;
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            stamp = default;
            return false;
        }

        var inode = *(ulong*)(buffer + 32);
        var size = *(long*)(buffer + 40);
        stamp = new FileStamp(size, Timestamp(buffer + 112), Timestamp(buffer + 96), inode);
        return true;
    }

    private static unsafe long Timestamp(byte* field) => *(long*)field * 1_000_000_000L + *(uint*)(field + 8);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern unsafe int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        int flags, uint mask, byte* buffer);
}
