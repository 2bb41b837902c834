using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MailCatcher.SmtpBench;

/// <summary>MailCatcher started as its own process, so its memory can be read from /proc without the benchmark's own.</summary>
internal sealed partial class ServerProcess : IBenchTarget
{
    private readonly Process _process;
    private readonly string _database;

    private ServerProcess(Process process, string database, int smtpPort, string name)
    {
        Name = name;
        _process = process;
        _database = database;
        SmtpPort = smtpPort;
    }

    public string Name { get; }

    public int SmtpPort { get; }

    /// <summary>Starts MailCatcher on a fresh SQLite file; a <c>--db</c> among <paramref name="extraArgs"/> comes later and wins.</summary>
    /// <param name="directory">Where MailCatcher.dll is: this bench's own build unless an earlier one is compared.</param>
    /// <param name="environment">Extra environment variables for the server process.</param>
    public static async Task<ServerProcess> StartAsync(IEnumerable<string> extraArgs, string name = "MailCatcher", string? directory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-bench-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        string[] args = [Path.Combine(directory ?? AppContext.BaseDirectory, "MailCatcher.dll"), "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", database, .. extraArgs];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }
        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var match = SmtpLine().Match(line);
            if (match.Success)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new ServerProcess(process, database, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name);
            }
        }
        throw new InvalidOperationException("MailCatcher did not start.");
    }

    public (double Current, double Peak) MemoryMegabytes() => ProcessStats.MemoryMegabytes(_process.Id);

    public TimeSpan CpuTime() => ProcessStats.CpuTime(_process.Id);

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
