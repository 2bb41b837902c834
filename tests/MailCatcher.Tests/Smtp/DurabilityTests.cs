using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Smtp;

/// <summary>
/// design.md: "A crash after 250 must never lose that message." MailCatcher runs as its own
/// process, several clients send as fast as they can, the process is killed (SIGKILL) while
/// they do, and a new host on the same database must hold every message that was acknowledged.
/// </summary>
public sealed partial class DurabilityTests
{
    [Fact]
    public async Task Every_acknowledged_message_survives_a_kill_right_after_its_250()
    {
        var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-durability-{Guid.NewGuid():N}.db");
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<long, string>();
        using (var server = StartServerProcess(database))
        {
            var smtpPort = await ReadSmtpPortAsync(server);
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
            {
                try
                {
                    var (wire, _) = await SmtpWire.ConnectAsync(smtpPort);
                    await using (wire)
                    {
                        await wire.CommandAsync("EHLO durable.test");
                        for (var n = 0; !stop.IsCancellationRequested; n++)
                        {
                            var subject = $"client {client} message {n}";
                            await wire.CommandAsync("MAIL FROM:<a@b.test>");
                            await wire.CommandAsync("RCPT TO:<c@d.test>");
                            await wire.CommandAsync("DATA");
                            var reply = await wire.CommandAsync($"Subject: {subject}\r\n\r\n{new string('x', 2000)}\r\n.");
                            if (!reply.StartsWith("250 2.0.0 OK: queued as ", StringComparison.Ordinal))
                            {
                                return;
                            }
                            acknowledged[long.Parse(reply.Split(' ')[^1], CultureInfo.InvariantCulture)] = subject;
                        }
                    }
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
                {
                    // The server was killed under us: expected.
                }
            })).ToList();

            while (acknowledged.Count < 200)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        await using var restarted = await TestHost.StartAsync(database);
        var page = await restarted.GetJsonAsync<MessagePageDto>("api/v1/messages?limit=1000");
        var stored = page!.Messages.ToDictionary(m => m.Id, m => m.Subject);
        Assert.True(acknowledged.Count >= 200);
        foreach (var (id, subject) in acknowledged)
        {
            Assert.True(stored.TryGetValue(id, out var storedSubject), $"acknowledged message {id} was lost");
            Assert.Equal(subject, storedSubject);
        }
    }

    private static Process StartServerProcess(string database)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MailCatcher.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", database, "--max-messages", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    private static async Task<int> ReadSmtpPortAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = SmtpLine().Match(line);
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("MailCatcher exited before printing its SMTP port: " + await server.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"^\s*SMTP\s+\S+:(\d+)$")]
    private static partial Regex SmtpLine();
}
