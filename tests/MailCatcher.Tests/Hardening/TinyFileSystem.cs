using System.Diagnostics;
using System.Globalization;

namespace MailCatcher.Tests.Hardening;

/// <summary>
/// A real, small file system for disk-full tests: a tmpfs mounted on a fresh folder, whose
/// size can be raised later (<c>mount -o remount,size=…</c>) to play "space returns". tmpfs
/// fails writes with ENOSPC exactly as a full disk does, so SQLite sees a true SQLITE_FULL.
/// Needs root (CAP_SYS_ADMIN), which CI has; <see cref="TryMountAsync"/> says why when it fails.
/// </summary>
public sealed class TinyFileSystem : IAsyncDisposable
{
    private TinyFileSystem(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KB; null and the reason when this machine refuses.</summary>
    public static async Task<(TinyFileSystem? FileSystem, string Refusal)> TryMountAsync(int kilobytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "tmpfs is Linux");
        }
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mailcatcher-tiny-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", Size(kilobytes), "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            return (null, $"mount -t tmpfs refused ({code}): {output.Trim()}");
        }
        return (new TinyFileSystem(path), "");
    }

    /// <summary>Grows (or shrinks) the file system in place; files stay.</summary>
    public async Task ResizeAsync(int kilobytes)
    {
        var (code, output) = await RunAsync("mount", "-o", "remount," + Size(kilobytes), Path);
        Assert.True(code == 0, $"remount failed: {output}");
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await RunAsync("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A lazy unmount may still be releasing the folder; it is empty and in the temp folder.
        }
    }

    private static string Size(int kilobytes) => string.Create(CultureInfo.InvariantCulture, $"size={kilobytes}k");

    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
