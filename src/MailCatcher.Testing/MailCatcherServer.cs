using MailCatcher.Client;
using MailCatcher.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Testing;

/// <summary>
/// A whole MailCatcher (SMTP, REST API, web inbox, events hub) running inside the test process on
/// free ports of 127.0.0.1, with its own temporary database. Point the code under test at
/// <see cref="SmtpHost"/>:<see cref="SmtpPort"/> and assert with <see cref="Client"/>.
/// <code>
/// await using var server = await MailCatcherServer.StartAsync();
/// // … the application sends mail to server.SmtpHost:server.SmtpPort …
/// var message = await server.Client.WaitForMessageAsync("to:ann@example.com", TimeSpan.FromSeconds(10));
/// </code>
/// </summary>
public sealed class MailCatcherServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _deleteDatabase;
    private int _disposed;

    private MailCatcherServer(WebApplication app, string databasePath, bool deleteDatabase)
    {
        _app = app;
        _deleteDatabase = deleteDatabase;
        DatabasePath = databasePath;
        var ports = app.Services.GetRequiredService<BoundPorts>();
        SmtpPort = ports.PortOf(BoundPorts.Smtp) ?? throw new InvalidOperationException("MailCatcher started without an SMTP listener.");
        WebAddress = new Uri($"http://{SmtpHost}:{ports.PortOf(BoundPorts.Http)}/");
        Pop3Port = ports.PortOf("pop3");
        ImapPort = ports.PortOf("imap");
        Client = new MailCatcherClient(WebAddress);
    }

    /// <summary>The address every listener is bound to: <c>127.0.0.1</c>.</summary>
    public string SmtpHost { get; } = "127.0.0.1";

    /// <summary>The SMTP port (no TLS, any credentials accepted unless the options say otherwise).</summary>
    public int SmtpPort { get; }

    /// <summary>The web inbox and REST API, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri WebAddress { get; }

    /// <summary>The POP3 and IMAP ports, when <see cref="MailCatcherServerOptions.EnableMailboxProtocols"/> is set.</summary>
    public int? Pop3Port { get; }

    /// <inheritdoc cref="Pop3Port"/>
    public int? ImapPort { get; }

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath { get; }

    /// <summary>A client of this server's REST API, ready to use and disposed with the server.</summary>
    public MailCatcherClient Client { get; }

    /// <summary>The host's services, for tests that need to reach inside (the event bus, the options).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server and returns once every listener is bound.</summary>
    public static async Task<MailCatcherServer> StartAsync(MailCatcherServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MailCatcherServerOptions();
        var deleteDatabase = options.DatabasePath is null;
        var databasePath = options.DatabasePath ?? Path.Combine(Path.GetTempPath(), $"mailcatcher-testing-{Guid.NewGuid():N}.db");
        var mailbox = options.EnableMailboxProtocols ? "0" : "off";
        string[] args =
        [
            "--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", mailbox, "--imap-port", mailbox,
            "--db", databasePath, .. options.Arguments,
        ];
        var app = MailCatcherApp.Build(args, builder =>
        {
            builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
            builder.Configuration.AddInMemoryCollection(options.Settings);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new MailCatcherServer(app, databasePath, deleteDatabase);
    }

    /// <summary>Stops the server (open sessions are answered 421), then deletes a temporary database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        // Pooled connections keep the file open (and, on Windows, undeletable).
        SqliteConnection.ClearAllPools();
        if (_deleteDatabase)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }
        }
    }
}
