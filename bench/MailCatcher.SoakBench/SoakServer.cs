using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MailCatcher.SoakBench;

/// <summary>MailCatcher as its own process with SMTP, IMAP and HTTP on free ports, so its memory is its own.</summary>
internal sealed partial class SoakServer : IDisposable
{
    private readonly Process _process;
    private readonly string _database;

    private SoakServer(Process process, string database, Dictionary<string, int> ports)
    {
        _process = process;
        _database = database;
        SmtpPort = ports["SMTP"];
        ImapPort = ports["IMAP"];
        HttpPort = ports["HTTP"];
    }

    public int SmtpPort { get; }

    public int ImapPort { get; }

    public int HttpPort { get; }

    public static async Task<SoakServer> StartAsync(int maxMessages)
    {
        var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-soak-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        string[] args = [Path.Combine(AppContext.BaseDirectory, "MailCatcher.dll"), "--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "off", "--imap-port", "0",
            "--db", database, "--max-messages", maxMessages.ToString(CultureInfo.InvariantCulture)];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        var ports = new Dictionary<string, int>();
        while (ports.Count < 3 && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (PortLine().Match(line) is { Success: true } match)
            {
                ports[match.Groups[1].Value == "Web UI" ? "HTTP" : match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }
        if (ports.Count < 3)
        {
            throw new InvalidOperationException("MailCatcher did not start.");
        }
        _ = process.StandardOutput.ReadToEndAsync();
        return new SoakServer(process, database, ports);
    }

    /// <summary>Resident memory (VmRSS) in MB, from /proc.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>Database plus WAL size in MB: pruning must keep it flat too.</summary>
    public double DatabaseMegabytes() => (Size(_database) + Size(_database + "-wal")) / 1024.0 / 1024.0;

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

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

    [GeneratedRegex(@"^\s*(SMTP|IMAP|Web UI)\s+(?:https?://)?[^:\s]+:(\d+)")]
    private static partial Regex PortLine();
}
