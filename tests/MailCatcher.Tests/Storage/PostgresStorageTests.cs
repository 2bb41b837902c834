using System.Net;
using System.Net.Sockets;
using MailCatcher.Hosting;
using MailCatcher.Storage.Database;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MailCatcher.Tests.Storage;

/// <summary>Issue 14: PostgreSQL as the store, against a real server (the throwaway test cluster).</summary>
public sealed class PostgresStorageTests
{
    [Fact]
    public async Task A_postgres_url_selects_postgresql_with_its_own_migration_history()
    {
        await using var host = await TestHost.StartOnPostgresAsync();
        var location = host.Services.GetRequiredService<DatabaseLocation>();
        Assert.True(location.IsPostgres);
        Assert.DoesNotContain("password", location.Path, StringComparison.OrdinalIgnoreCase);

        await using var connection = new NpgsqlConnection(new DatabaseLocation(Microsoft.Extensions.Options.Options.Create(new Core.Options.StorageOptions { Database = host.PostgresUrl! })).ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", connection);
        var migrations = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                migrations.Add(reader.GetString(0));
            }
        }
        Assert.Single(migrations, m => m.EndsWith("_PostgresInitialSchema", StringComparison.Ordinal));
        Assert.DoesNotContain(migrations, m => m.EndsWith("_InitialSchema", StringComparison.Ordinal) && !m.Contains("Postgres", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_is_stored_byte_exact_and_found_by_search()
    {
        await using var host = await TestHost.StartOnPostgresAsync();
        await host.SendAsync("José Núñez <jose@example.es>", "bob@example.org", "Café meeting", "Let's meet on Friday at noon.");

        var page = await host.GetJsonAsync<MessagePageDto>("api/v1/messages?q=jose%20friday");
        var message = Assert.Single(page!.Messages);
        Assert.Equal("Café meeting", message.Subject);
        var raw = await host.Http.GetStringAsync($"api/v1/messages/{message.Id}/raw", TestContext.Current.CancellationToken);
        Assert.Contains("Let's meet on Friday at noon.", raw, StringComparison.Ordinal);
        Assert.Equal(0, (await host.GetJsonAsync<MessagePageDto>("api/v1/messages?q=from:bob"))!.Total);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_startup_error_naming_the_host_and_the_reason()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        string[] args = ["--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "off", "--imap-port", "off", "--db", $"postgres://someone:secret@127.0.0.1:{port}/mail"];

        var error = Assert.Throws<StartupException>(() => MailCatcherApp.Build(args));

        Assert.Contains($"127.0.0.1:{port}/mail", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://ann:p%40ss@db.example:6543/mail?sslmode=require", "db.example", 6543, "mail", "ann", "p@ss")]
    [InlineData("postgresql://127.0.0.1/mc", "127.0.0.1", 5432, "mc", null, null)]
    [InlineData("Host=db;Port=5433;Database=x;Username=u", "db", 5433, "x", "u", null)]
    public void A_url_or_a_connection_string_becomes_an_npgsql_connection_string(string given, string host, int port, string database, string? user, string? password)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnection.ToConnectionString(given));
        Assert.Equal(host, builder.Host);
        Assert.Equal(port, builder.Port);
        Assert.Equal(database, builder.Database);
        Assert.Equal(user, builder.Username);
        Assert.Equal(password, builder.Password);
    }

    [Fact]
    public void An_unknown_provider_is_a_startup_error()
    {
        string[] args = ["--ip", "127.0.0.1", "--smtp-port", "0", "--http-port", "0", "--pop3-port", "off", "--imap-port", "off", "--storage-provider", "oracle"];
        var error = Assert.Throws<StartupException>(() => MailCatcherApp.Build(args));
        Assert.Contains("oracle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cluster_fixture_is_a_real_postgresql_server()
    {
        var cluster = await PostgresCluster.SharedAsync();
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
        var version = int.Parse((string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(version >= 130000, $"PostgreSQL {version}: DROP DATABASE … WITH (FORCE) and trusted unaccent need 13 or later.");
    }
}
