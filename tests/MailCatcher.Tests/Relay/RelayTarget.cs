using System.Diagnostics;
using System.Text.Json;

namespace MailCatcher.Tests.Relay;

/// <summary>
/// A real SMTP relay that is not ours: Debian's aiosmtpd running <c>relay_target.py</c> on a
/// free loopback port. It keeps every message's exact bytes and can be told to refuse (a reply
/// line for RCPT), to be down (drop connections), to hang (never greet) or to be slow (delay DATA).
/// </summary>
public sealed class RelayTarget : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;

    private RelayTarget(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>Starts aiosmtpd; skips the test when it is not installed (<c>apt-get install python3-aiosmtpd</c>, as .ci/run does).</summary>
    public static async Task<RelayTarget> StartAsync(string? auth = null, bool down = false)
    {
        if (!File.Exists(Python) || Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true }) is not { } probe
            || !probe.WaitForExit(10_000) || probe.ExitCode != 0)
        {
            Assert.Skip("python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd)");
        }
        var folder = Directory.CreateTempSubdirectory("mailcatcher-relay-").FullName;
        if (down)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "down"), "");
        }
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Relay", "relay_target.py"));
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(folder);
        if (auth is not null)
        {
            start.ArgumentList.Add("--auth");
            start.ArgumentList.Add(auth);
        }
        var process = Process.Start(start)!;
        // 60 s: under a loaded CI run (browser tests beside these) Python took over 20 s to start and print its port.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(); // not left serving after the test gave up on it
            throw;
        }
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"aiosmtpd did not start: {line} {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }
        return new RelayTarget(process, folder, int.Parse(line[5..]));
    }

    /// <summary>Answer every RCPT with <paramref name="reply"/> (e.g. "550 5.1.1 No such user"); null accepts again.</summary>
    public void SetReply(string? reply) => SetFlag("reply", reply);

    /// <summary>Answer RCPT for <paramref name="address"/> alone with <paramref name="reply"/>; null accepts it again.</summary>
    public void SetReplyFor(string address, string? reply) => SetFlag("reply-" + address.ToLowerInvariant(), reply);

    public void SetDown(bool down) => SetFlag("down", down ? "" : null);

    public void SetHang(bool hang) => SetFlag("hang", hang ? "" : null);

    /// <summary>Wait this long after the message's bytes before storing it and answering (a slow relay); null answers at once.</summary>
    public void SetDataDelay(TimeSpan? delay) =>
        SetFlag("delay", delay?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The n-th message received (1-based): its exact bytes and envelope, waiting up to 30 s.</summary>
    public async Task<(byte[] Bytes, string From, List<string> To)> WaitForMessageAsync(int n = 1)
    {
        var eml = Path.Combine(Folder, $"{n}.eml");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(eml))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The relay received no message {n}.");
            }
            await Task.Delay(100);
        }
        using var envelope = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, $"{n}.json")));
        return (await File.ReadAllBytesAsync(eml),
            envelope.RootElement.GetProperty("from").GetString()!,
            [.. envelope.RootElement.GetProperty("to").EnumerateArray().Select(e => e.GetString()!)]);
    }

    public int ReceivedCount => Directory.GetFiles(Folder, "*.eml").Length;

    private void SetFlag(string name, string? content)
    {
        var path = Path.Combine(Folder, name);
        if (content is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, content);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
