using System.Diagnostics;
using System.Globalization;
using MailCatcher.Core.Events;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Shared;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Tests.Storage;

/// <summary>
/// Issue 14: how long after instance A answers 250 does instance B's event bus (hub, UI, wait,
/// IMAP IDLE) announce the message? Logged, not asserted (speed lives in bench/; this test only
/// checks that every message arrives); the README's team-server section quotes a run of it.
/// </summary>
public sealed class PostgresFanoutDelayTests
{
    private const int Messages = 200;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_message_acknowledged_by_one_instance_is_announced_on_the_other_and_the_delay_is_logged()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var a = await TestHost.StartAsync("--db", url);
            await using var b = await TestHost.StartAsync("--db", url);
            using var onA = Announcements(a);
            using var onB = Announcements(b);
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", a.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
            var local = new List<double>(Messages);
            var remote = new List<double>(Messages);
            for (var i = 0; i < Messages; i++)
            {
                var subject = string.Create(CultureInfo.InvariantCulture, $"Delay {i}");
                var arrivedOnA = onA.Expect(subject);
                var arrivedOnB = onB.Expect(subject);
                await client.SendAsync(MailSender.Message("app@example.com", "qa@example.com", subject, "fan-out delay"), Ct);
                var acknowledged = Stopwatch.GetTimestamp();
                // One at a time: each figure is one notice's way, not a queue's.
                var onBAt = await arrivedOnB.WaitAsync(TimeSpan.FromSeconds(60), Ct);
                local.Add(Stopwatch.GetElapsedTime(acknowledged, await arrivedOnA.WaitAsync(TimeSpan.FromSeconds(60), Ct)).TotalMilliseconds);
                remote.Add(Stopwatch.GetElapsedTime(acknowledged, onBAt).TotalMilliseconds);
            }
            await client.DisconnectAsync(true, Ct);

            Assert.Equal(Messages, onB.Count);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Fan-out delay over {Messages} messages, 250 on A to the event on a bus (ms; negative: before the client read the 250): " +
                $"B median {Percentile(remote, 0.5):0.0}, p90 {Percentile(remote, 0.9):0.0}, max {remote.Max():0.0}; " +
                $"A itself median {Percentile(local, 0.5):0.0}, p90 {Percentile(local, 0.9):0.0}; load average {LoadAverage()}"));
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static Arrivals Announcements(TestHost host) => new(host.Services.GetRequiredService<MailEventBus>());

    /// <summary>When each expected subject was announced on one host's bus.</summary>
    private sealed class Arrivals : IDisposable
    {
        private readonly Dictionary<string, TaskCompletionSource<long>> _expected = new(StringComparer.Ordinal);
        private readonly IDisposable _subscription;

        public Arrivals(MailEventBus events) => _subscription = events.Subscribe(e =>
        {
            if (e is MessageReceived received)
            {
                var at = Stopwatch.GetTimestamp();
                lock (_expected)
                {
                    if (_expected.TryGetValue(received.Message.Subject, out var arrival) && arrival.TrySetResult(at))
                    {
                        Count++;
                    }
                }
            }
        });

        public int Count { get; private set; }

        public Task<long> Expect(string subject)
        {
            var arrival = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_expected)
            {
                _expected[subject] = arrival;
            }
            return arrival.Task;
        }

        public void Dispose() => _subscription.Dispose();
    }
}
