using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using MailCatcher.Hosting;
using MailCatcher.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Tests.Relay;

/// <summary>The relay password is used at the relay and appears nowhere else: not in logs, transcripts, API output or the database.</summary>
public sealed class RelayPasswordTests
{
    private const string User = "relayuser";
    private const string Password = "S3cret-Pa55word-xyzzy";

    private static readonly string[] Forms =
    [
        Password,
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Password)),
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{User}\0{Password}")),
    ];

    [Theory]
    [InlineData(Password, "sent")]
    [InlineData("a-different-password", "failed")]
    public async Task Relay_password_never_appears_in_logs_transcripts_api_or_database(string relayAcceptsPassword, string expectedState)
    {
        await using var target = await RelayTarget.StartAsync(auth: $"{User}:{relayAcceptsPassword}");
        var logs = new CapturingLoggerProvider();
        var databasePath = Path.Combine(Path.GetTempPath(), $"mailcatcher-test-{Guid.NewGuid():N}.db");
        string[] args =
        [
            "--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", databasePath,
            .. RelayTestKit.RelayArgs(target, "--relay-user", User, "--relay-password", Password),
        ];
        var app = MailCatcherApp.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var ports = app.Services.GetRequiredService<BoundPorts>();
        var host = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports.PortOf(BoundPorts.Http)}/") };
        var api = new StringBuilder();
        try
        {
            var smtp = new SmtpPortOnly(ports.PortOf(BoundPorts.Smtp)!.Value, host);
            var id = await smtp.CaptureAsync();
            var release = await host.PostAsync($"api/v1/messages/{id}/release", null, TestContext.Current.CancellationToken);
            api.Append(await release.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var entry = (await release.Content.ReadFromJsonAsync<OutboxEntryDto>(TestJson.Options, TestContext.Current.CancellationToken))!;
            var done = await WaitAsync(host, entry.Id, expectedState);

            var transcript = done.Attempts[^1].Transcript!;
            Assert.Contains("C: AUTH ", transcript); // the password really was sent, and masked in the record
            Assert.Contains("********", transcript);
            if (expectedState == "sent")
            {
                Assert.Equal(1, target.ReceivedCount);
            }
            else
            {
                Assert.NotNull(done.BounceMessageId); // the bounce quotes the relay's answer: check it too
            }
            foreach (var path in new[] { "api/v1/outbox", $"api/v1/outbox/{entry.Id}", "api/v1/messages", "api/v1/sessions", "api/v1/info" })
            {
                api.Append(await host.GetStringAsync(path, TestContext.Current.CancellationToken));
            }
            if (done.BounceMessageId is { } bounce)
            {
                api.Append(await host.GetStringAsync($"api/v1/messages/{bounce}/raw", TestContext.Current.CancellationToken));
                api.Append(await host.GetStringAsync($"api/v1/messages/{bounce}", TestContext.Current.CancellationToken));
            }
        }
        finally
        {
            host.Dispose();
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        var database = new List<byte>();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(databasePath + suffix))
            {
                database.AddRange(await File.ReadAllBytesAsync(databasePath + suffix, TestContext.Current.CancellationToken));
                File.Delete(databasePath + suffix);
            }
        }
        Assert.NotEmpty(logs.Lines);
        foreach (var form in Forms)
        {
            Assert.DoesNotContain(form, api.ToString());
            Assert.DoesNotContain(logs.Lines, line => line.Contains(form));
            Assert.False(Contains(database, Encoding.UTF8.GetBytes(form)), $"the database holds '{form}'");
        }
    }

    private static async Task<OutboxEntryDto> WaitAsync(HttpClient host, long id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var entry = (await host.GetFromJsonAsync<OutboxEntryDto>($"api/v1/outbox/{id}", TestJson.Options))!;
            if (entry.State == state && (state != "failed" || entry.BounceMessageId is not null))
            {
                return entry;
            }
            Assert.True(DateTime.UtcNow < deadline, $"entry stayed {entry.State}");
            await Task.Delay(100);
        }
    }

    private static bool Contains(List<byte> haystack, byte[] needle)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(haystack);
        return span.IndexOf(needle) >= 0;
    }

    /// <summary>Captures a message through the SMTP port of a host built outside <see cref="TestHost"/>.</summary>
    private sealed class SmtpPortOnly(int port, HttpClient http)
    {
        public async Task<long> CaptureAsync()
        {
            using (var client = new MailKit.Net.Smtp.SmtpClient())
            {
                await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
                await client.SendAsync(RelayTestKit.Sample());
                await client.DisconnectAsync(true);
            }
            var page = await http.GetFromJsonAsync<MessagePageDto>("api/v1/messages", TestJson.Options);
            return page!.Messages.Max(m => m.Id);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
