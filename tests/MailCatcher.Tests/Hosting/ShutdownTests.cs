using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Hosting;

/// <summary>
/// SIGTERM (docker stop, systemd) and SIGINT (Ctrl+C) on the real process: it exits within 5 s,
/// answers every open SMTP session <c>421 4.3.2</c> (RFC 5321 §3.8), and every message it
/// acknowledged with 250 is in the database when it starts again.
/// </summary>
public sealed partial class ShutdownTests
{
    [Theory]
    [InlineData("TERM")]   // docker stop, systemd
    [InlineData("INT")]    // Ctrl+C
    public async Task A_stop_signal_answers_open_sessions_421_exits_within_5_s_and_keeps_every_acknowledged_message(string signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("sends POSIX signals with kill and starts the server through GNU env");
        }
        var cancel = TestContext.Current.CancellationToken;
        var database = Path.Combine(Path.GetTempPath(), $"mailcatcher-shutdown-{Guid.NewGuid():N}.db");
        using var server = StartServerProcess(database);
        try
        {
            await StopAndCheckAsync(server, database, signal, cancel);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task StopAndCheckAsync(Process server, string database, string signal, CancellationToken cancel)
    {
        var acknowledged = new ConcurrentDictionary<long, string>();
        var closingReplies = new ConcurrentBag<string>();
        var smtpPort = await ReadSmtpPortAsync(server);

        // Idle sessions, and sessions stopped in the middle of a transaction (after RCPT, inside DATA).
        var idle = new List<SmtpWire>();
        foreach (var stage in new[] { "EHLO", "RCPT", "DATA" })
        {
            var (wire, _) = await SmtpWire.ConnectAsync(smtpPort);
            idle.Add(wire);
            await wire.CommandAsync("EHLO idle.test");
            if (stage is "RCPT" or "DATA")
            {
                await wire.CommandAsync("MAIL FROM:<a@b.test>");
                await wire.CommandAsync("RCPT TO:<c@d.test>");
            }
            if (stage == "DATA")
            {
                await wire.CommandAsync("DATA");
                await wire.SendRawAsync("Subject: half a message\r\n\r\nnot finished\r\n");
            }
        }
        // Sessions sending as fast as they can when the signal comes.
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 3).Select(client => Task.Run(async () =>
        {
            try
            {
                var (wire, _) = await SmtpWire.ConnectAsync(smtpPort);
                await using (wire)
                {
                    await wire.CommandAsync("EHLO busy.test");
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        var subject = $"client {client} message {n}";
                        foreach (var command in new[] { "MAIL FROM:<a@b.test>", "RCPT TO:<c@d.test>", "DATA" })
                        {
                            var step = await wire.CommandAsync(command);
                            if (step.StartsWith("421", StringComparison.Ordinal))
                            {
                                closingReplies.Add(step);
                                return;
                            }
                        }
                        var reply = await wire.CommandAsync($"Subject: {subject}\r\n\r\n{new string('x', 1000)}\r\n.");
                        if (!reply.StartsWith("250 ", StringComparison.Ordinal))
                        {
                            closingReplies.Add(reply);
                            return;
                        }
                        acknowledged[long.Parse(reply.Split(' ')[^1], CultureInfo.InvariantCulture)] = subject;
                    }
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // The connection closed under a command: nothing was acknowledged for it.
            }
        }, cancel)).ToList();
        while (acknowledged.Count < 50)
        {
            await Task.Delay(10, cancel);
        }

        var stopwatch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", [$"-{signal}", server.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancel);
        }
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await server.WaitForExitAsync(deadline.Token);
        }
        stopwatch.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"exit took {stopwatch.Elapsed}");
        Assert.Equal(0, server.ExitCode);
        foreach (var wire in idle)
        {
            Assert.StartsWith("421 4.3.2 ", await wire.ReadReplyAsync());
            await wire.DisposeAsync();
        }
        Assert.All(closingReplies, reply => Assert.StartsWith("421 4.3.2 ", reply));

        await using var restarted = await TestHost.StartAsync(database);
        var page = await restarted.GetJsonAsync<MessagePageDto>("api/v1/messages?limit=1000");
        var stored = page!.Messages.ToDictionary(m => m.Id, m => m.Subject);
        Assert.DoesNotContain("half a message", stored.Values);
        foreach (var (id, subject) in acknowledged)
        {
            Assert.True(stored.TryGetValue(id, out var storedSubject), $"acknowledged message {id} was lost");
            Assert.Equal(subject, storedSubject);
        }
    }

    private static Process StartServerProcess(string database)
    {
        // A shell without job control starts background commands with SIGINT ignored (POSIX, "Shell
        // Command Language" 2.11), the ignored disposition is inherited through fork and exec, and
        // .NET installs no SIGINT handler in a process that starts with it ignored: under a CI runner
        // that started `.ci/run` in the background, Ctrl+C could never reach the server. A person
        // pressing Ctrl+C runs it in the foreground, so start it with the default disposition back
        // (coreutils' `env --default-signal`). Linux only, as the test's `kill` is.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "MailCatcher.dll"), "--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "off", "--imap-port", "off", "--db", database, "--max-messages", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    private static async Task<int> ReadSmtpPortAsync(Process server)
    {
        // Generous: on a machine shared by several builds a cold start has taken over a minute.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = SmtpLine().Match(line);
            if (match.Success)
            {
                _ = server.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = server.StandardError.ReadToEndAsync(CancellationToken.None);
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("MailCatcher exited before printing its SMTP port: " + await server.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"^\s*SMTP\s+\S+:(\d+)$")]
    private static partial Regex SmtpLine();
}
