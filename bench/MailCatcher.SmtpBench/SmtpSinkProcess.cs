using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MailCatcher.SmtpBench;

/// <summary>
/// Postfix's <c>smtp-sink</c> (Debian package <c>postfix</c>): a pipelining SMTP server that
/// acknowledges every message and discards it, so its rate is the speed limit of SMTP on this
/// machine for the same client. Issue 16 wants durable ingest at half of it or better.
/// </summary>
internal sealed class SmtpSinkProcess : IBenchTarget
{
    public const string Program = "/usr/sbin/smtp-sink";

    private readonly Process _process;

    private SmtpSinkProcess(Process process, int port)
    {
        _process = process;
        SmtpPort = port;
    }

    public string Name => "smtp-sink";

    public int SmtpPort { get; }

    public static async Task<SmtpSinkProcess> StartAsync()
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is missing: apt-get install postfix (only the bench needs it)");
        }
        var port = FreePort();
        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardError = true };
        // -u: run as root, smtp-sink must drop privileges; backlog 256 as 8 busy clients need little.
        string[] args = Environment.UserName == "root" ? ["-u", "nobody", $"127.0.0.1:{port}", "256"] : [$"127.0.0.1:{port}", "256"];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpSinkProcess(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        process.Kill();
        throw new InvalidOperationException("smtp-sink did not start listening");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public (double Current, double Peak) MemoryMegabytes() => ProcessStats.MemoryMegabytes(_process.Id);

    public TimeSpan CpuTime() => ProcessStats.CpuTime(_process.Id);

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
