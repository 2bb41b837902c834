using System.Net.Http.Json;
using MailCatcher.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Tests.Infrastructure;

/// <summary>
/// A real MailCatcher host on free ports with its own temporary database, as a test's SMTP
/// server and HTTP API. Start one per test class (or per test when state matters).
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, string databasePath)
    {
        _app = app;
        DatabasePath = databasePath;
        var ports = app.Services.GetRequiredService<BoundPorts>();
        SmtpPort = ports.PortOf(BoundPorts.Smtp)!.Value;
        HttpPort = ports.PortOf(BoundPorts.Http)!.Value;
        Pop3Port = ports.PortOf("pop3");
        ImapPort = ports.PortOf("imap");
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/") };
    }

    public int SmtpPort { get; }

    public int HttpPort { get; }

    /// <summary>The POP3 port, or null when POP3 is off.</summary>
    public int? Pop3Port { get; }

    /// <summary>The IMAP port, or null when IMAP is off.</summary>
    public int? ImapPort { get; }

    public string DatabasePath { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Leave the database file in place on dispose (for restart tests, which delete it themselves).</summary>
    public bool KeepDatabase { get; set; }

    /// <summary>Starts a host. Extra command-line flags come after the defaults and win.</summary>
    public static async Task<TestHost> StartAsync(params string[] extraArgs)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"mailcatcher-test-{Guid.NewGuid():N}.db");
        return await StartAsync(databasePath, extraArgs);
    }

    /// <summary>
    /// Starts a host on an existing database file (for restart tests). C# binds
    /// <c>StartAsync("--flag", "value")</c> to this overload, so a first argument that is a flag
    /// is treated as one and a fresh database is used.
    /// </summary>
    public static async Task<TestHost> StartAsync(string databasePath, params string[] extraArgs)
    {
        if (databasePath.StartsWith("--", StringComparison.Ordinal))
        {
            return await StartAsync(Path.Combine(Path.GetTempPath(), $"mailcatcher-test-{Guid.NewGuid():N}.db"), [databasePath, .. extraArgs]);
        }
        var postgresUrl = await StorageMatrix.PostgresUrlForAsync(databasePath);
        string[] args = ["--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", postgresUrl ?? databasePath, .. extraArgs];
        var app = MailCatcherApp.Build(args, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new TestHost(app, databasePath) { PostgresUrl = postgresUrl };
    }

    /// <summary>
    /// Issue 14: starts a host on a fresh PostgreSQL database of the test cluster (see
    /// <see cref="Shared.PostgresCluster"/>), dropped again on dispose, whatever the test class.
    /// Fails, never skips, when PostgreSQL cannot start.
    /// </summary>
    public static async Task<TestHost> StartOnPostgresAsync(params string[] extraArgs)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"mailcatcher-test-{Guid.NewGuid():N}.db");
        var url = await StorageMatrix.PostgresUrlForAsync(databasePath, force: true);
        var app = MailCatcherApp.Build(["--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", url!, .. extraArgs], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new TestHost(app, databasePath) { PostgresUrl = url };
    }

    /// <summary>The database's <c>postgres://</c> URL when the host runs on PostgreSQL (issue 14).</summary>
    public string? PostgresUrl { get; private init; }

    /// <summary>Starts a host with extra configuration entries (for settings that have no flag yet).</summary>
    public static async Task<TestHost> StartWithSettingsAsync(IReadOnlyDictionary<string, string?> settings, params string[] extraArgs)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"mailcatcher-test-{Guid.NewGuid():N}.db");
        var postgresUrl = await StorageMatrix.PostgresUrlForAsync(databasePath);
        string[] args = ["--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--db", postgresUrl ?? databasePath, .. extraArgs];
        var app = MailCatcherApp.Build(args, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration.AddInMemoryCollection(settings);
        });
        await app.StartAsync();
        return new TestHost(app, databasePath) { PostgresUrl = postgresUrl };
    }

    public Task<T?> GetJsonAsync<T>(string path) => Http.GetFromJsonAsync<T>(path, TestJson.Options);

    /// <summary>Stops the host like a restart would, leaving the database file for the next <see cref="StartAsync(string, string[])"/>.</summary>
    public async Task StopKeepingDatabaseAsync()
    {
        KeepDatabase = true;
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepDatabase)
        {
            return;
        }
        if (PostgresUrl is not null)
        {
            await StorageMatrix.DropAsync(DatabasePath);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
