using System.Globalization;

namespace MailCatcher.SmtpBench;

/// <summary>Memory and CPU time of a process, from /proc.</summary>
internal static class ProcessStats
{
    public static (double Current, double Peak) MemoryMegabytes(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        double Read(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public static TimeSpan CpuTime(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the command name: state is field 3; utime and stime are fields 14 and 15 (1-based), in clock ticks (100 Hz on Linux).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The 1-minute load average, to quote beside every figure taken on a shared machine.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
