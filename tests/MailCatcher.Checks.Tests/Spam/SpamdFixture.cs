using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MailCatcher.Checks.Tests.Spam;

/// <summary>
/// One real SpamAssassin spamd for all spam tests (it takes seconds to start): on a free loopback
/// port, network tests off (<c>-L</c>), no user configuration (<c>-x</c>), one child. As root (CI)
/// it must drop privileges, so it runs as <c>nobody</c> with a helper home in a temp folder.
/// .ci/run installs the spamd package when it is missing.
/// </summary>
public sealed class SpamdFixture : IAsyncLifetime
{
    private const string Spamd = "/usr/sbin/spamd";
    private Process? _process;
    private string? _home;

    public int Port { get; private set; }

    public string Log { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Spamd))
        {
            throw new InvalidOperationException($"{Spamd} is missing: install the Debian package spamd (.ci/run does).");
        }
        Port = FreePort();
        _home = Directory.CreateTempSubdirectory("mailcatcher-spamd-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_home, (UnixFileMode)0x1FF); // nobody must write its helper home
        }
        var start = new ProcessStartInfo(Spamd)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-L", "-x", "--listen", $"127.0.0.1:{Port}", "-m", "1", "--min-children=1", "--max-spare=1",
            $"--helper-home-dir={_home}", "-s", "stderr", "--pidfile", Path.Combine(_home, "spamd.pid") })
        {
            start.ArgumentList.Add(argument);
        }
        if (Environment.UserName == "root")
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("nobody");
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("spamd did not start.");
        var log = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                break;
            }
            if (await PingsAsync())
            {
                return;
            }
            await Task.Delay(200);
        }
        lock (log)
        {
            Log = log.ToString();
        }
        throw new InvalidOperationException($"spamd did not answer PING on 127.0.0.1:{Port} within 60 s. Its log:\n{Log}");
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING SPAMC/1.5\r\n\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains("PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        if (_home is not null)
        {
            Directory.Delete(_home, recursive: true);
        }
    }
}
