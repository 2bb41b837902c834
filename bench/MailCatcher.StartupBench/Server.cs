using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MailCatcher.StartupBench;

/// <summary>The published program started on a fresh database; its start-up time is measured to the first 200 from /healthz.</summary>
internal sealed partial class Server : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _database;
    private readonly ConcurrentDictionary<string, double> _phases = new(StringComparer.Ordinal);

    private Server(Process process, string database, Stopwatch clock)
    {
        _process = process;
        _database = database;
        Clock = clock;
    }

    /// <summary>Running since just before the process was started.</summary>
    public Stopwatch Clock { get; }

    public double StartupMilliseconds { get; private set; }

    /// <summary>
    /// The CPU time (user + system) the program had used when /healthz first answered: on a
    /// shared, loaded machine this moves far less than the wall-clock time does.
    /// </summary>
    public double StartupCpuMilliseconds { get; private set; }

    public int SmtpPort { get; private set; }

    /// <summary>With MAILCATCHER_STARTUP_TRACE=1: each start-up phase and when it ended, in ms after the process started.</summary>
    public IReadOnlyDictionary<string, double> Phases => _phases;

    public static async Task<Server> StartAsync(Variant variant)
    {
        var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-startup-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo(variant.Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", database, "--max-messages", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in variant.Environment)
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        var server = new Server(Process.Start(start)!, database, clock);
        _ = server.ReadTraceAsync();
        int? httpPort = null;
        while ((server.SmtpPort == 0 || httpPort is null) && await server._process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (SmtpLine().Match(line) is { Success: true } smtp)
            {
                server.SmtpPort = int.Parse(smtp.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            if (WebLine().Match(line) is { Success: true } web)
            {
                httpPort = int.Parse(web.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        if (httpPort is null)
        {
            throw new InvalidOperationException($"{variant.Label}: MailCatcher exited before printing its ports.");
        }
        _ = server._process.StandardOutput.ReadToEndAsync();
        using var http = new HttpClient();
        var health = new Uri($"http://127.0.0.1:{httpPort}/healthz");
        while (true)
        {
            using var response = await http.GetAsync(health);
            if (response.IsSuccessStatusCode)
            {
                break;
            }
            await Task.Delay(5);
        }
        server.StartupMilliseconds = clock.Elapsed.TotalMilliseconds;
        server.StartupCpuMilliseconds = server.CpuMilliseconds();
        server._phases["healthz"] = server.StartupMilliseconds;
        return server;
    }

    /// <summary>Resident memory (VmRSS) in MB, from /proc.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadAllLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>User + system CPU time so far, from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms).</summary>
    public double CpuMilliseconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    private async Task ReadTraceAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            if (TraceLine().Match(line) is { Success: true } mark)
            {
                _phases[mark.Groups[1].Value] = double.Parse(mark.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }
    }

    [GeneratedRegex(@"^\s*SMTP\s+\S+:(\d+)$")]
    private static partial Regex SmtpLine();

    [GeneratedRegex(@"^\s*Web UI\s+http://\S+:(\d+)/$")]
    private static partial Regex WebLine();

    [GeneratedRegex(@"^startup-trace (\S+) (\d+)$")]
    private static partial Regex TraceLine();
}
