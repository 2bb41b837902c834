using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MailCatcher.SmtpBench;

/// <summary>MailCatcher started as its own process, so its memory can be read from /proc without the benchmark's own.</summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _database;

    private ServerProcess(Process process, string database, int smtpPort)
    {
        _process = process;
        _database = database;
        SmtpPort = smtpPort;
    }

    public int SmtpPort { get; }

    public static async Task<ServerProcess> StartAsync(IEnumerable<string> extraArgs)
    {
        var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-bench-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        string[] args = [Path.Combine(AppContext.BaseDirectory, "MailCatcher.dll"), "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", database, .. extraArgs];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var match = SmtpLine().Match(line);
            if (match.Success)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new ServerProcess(process, database, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }
        throw new InvalidOperationException("MailCatcher did not start.");
    }

    /// <summary>Resident memory now (VmRSS) and at its peak (VmHWM), in MB, from /proc.</summary>
    public (double Current, double Peak) MemoryMegabytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS"), Read("VmHWM"));
    }

    /// <summary>CPU time the server has used so far (user + system), from /proc/[pid]/stat.</summary>
    public TimeSpan CpuTime()
    {
        var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the command name: state is field 3; utime and stime are fields 14 and 15 (1-based), in clock ticks (100 Hz on Linux).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    [GeneratedRegex(@"^\s*SMTP\s+\S+:(\d+)$")]
    private static partial Regex SmtpLine();
}
