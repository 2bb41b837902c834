using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MailCatcher.Tests.Hardening;

/// <summary>
/// The built MailCatcher.dll run by <c>dotnet</c> as a process of its own, started the way the
/// SIGTERM and durability tests start it, so that a test can kill it (SIGKILL) or give it an
/// environment (TMPDIR) of its own. Ports come from the start-up banner.
/// </summary>
public sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int smtpPort, int httpPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int SmtpPort { get; }

    public int HttpPort { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server on <paramref name="database"/> and waits for its banner.</summary>
    public static async Task<ServerProcess> StartAsync(string database, IReadOnlyDictionary<string, string>? environment = null, params string[] extraArgs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [Path.Combine(AppContext.BaseDirectory, "MailCatcher.dll"), "--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "off", "--imap-port", "off", "--db", database, "--max-messages", "0", .. extraArgs];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        try
        {
            // Generous: on a machine shared by several builds a cold start has taken over a minute.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            int? smtp = null;
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (SmtpLine().Match(line) is { Success: true } s)
                {
                    smtp = int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture);
                }
                if (HttpLine().Match(line) is { Success: true } h && smtp is { } smtpPort)
                {
                    // Drain both pipes so that a chatty server never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                    return new ServerProcess(process, smtpPort, int.Parse(h.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }
            throw new InvalidOperationException("MailCatcher exited before printing its ports: " + await process.StandardError.ReadToEndAsync(timeout.Token));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"^\s*SMTP\s+\S+:(\d+)$")]
    private static partial Regex SmtpLine();

    [GeneratedRegex(@"^\s*Web UI\s+https?://[^/\s]+:(\d+)")]
    private static partial Regex HttpLine();
}
