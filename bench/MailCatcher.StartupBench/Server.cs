using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MailCatcher.StartupBench;

/// <summary>The published program started on a fresh database; its start-up time is measured to the first 200 from /healthz.</summary>
internal sealed partial class Server : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _database;

    private Server(Process process, string database, Stopwatch clock)
    {
        _process = process;
        _database = database;
        Clock = clock;
    }

    /// <summary>Running since just before the process was started.</summary>
    public Stopwatch Clock { get; }

    public double StartupMilliseconds { get; private set; }

    public int SmtpPort { get; private set; }

    public static async Task<Server> StartAsync(string program)
    {
        var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-startup-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", database, "--max-messages", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        var server = new Server(Process.Start(start)!, database, clock);
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
            throw new InvalidOperationException("MailCatcher exited before printing its ports.");
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
        return server;
    }

    /// <summary>Resident memory (VmRSS) in MB, from /proc.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadAllLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
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

    [GeneratedRegex(@"^\s*SMTP\s+\S+:(\d+)$")]
    private static partial Regex SmtpLine();

    [GeneratedRegex(@"^\s*Web UI\s+http://\S+:(\d+)/$")]
    private static partial Regex WebLine();
}
