using System.Text.RegularExpressions;
using MailCatcher.Storage.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MailCatcher.Storage.Tests;

/// <summary>
/// Issue 11: a new SQLite store gets its schema from Schema/SqliteSchema.sql instead of from EF
/// Core's migrator. The script must stay what the migrator writes, and build the same store.
/// </summary>
public sealed partial class SqliteSchemaScriptTests : IDisposable
{
    private readonly List<string> _files = [];

    [Fact]
    public void The_embedded_script_is_what_the_migrator_writes_for_this_build()
    {
        using var db = Context(NewPath());
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

        Assert.True(
            Normalize(generated) == Normalize(SqliteSchemaScript.Text),
            "src/MailCatcher.Storage/Database/Schema/SqliteSchema.sql is stale (a migration was added or EF Core updated). Write it again: "
            + "dotnet ef migrations script --no-transactions --project src/MailCatcher.Storage --context MailDbContext -o src/MailCatcher.Storage/Database/Schema/SqliteSchema.sql");
    }

    [Fact]
    public void A_new_store_from_the_script_is_the_store_the_migrations_build()
    {
        var fromScript = NewPath();
        var fromMigrations = NewPath();
        var now = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
        using (var connection = Open(fromScript))
        {
            Assert.True(SqliteSchemaScript.TryCreate(connection, new FixedClock(now)));
        }
        using (var db = Context(fromMigrations))
        {
            db.Database.Migrate();
        }

        // Same tables, indexes, triggers and full-text table, each with the same SQL; EF Core's
        // migration lock table is the migrator's own and left out.
        const string Schema = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name <> '__EFMigrationsLock' ORDER BY type, name";
        Assert.Equal(Rows(fromMigrations, Schema), Rows(fromScript, Schema));
        Assert.Equal(Rows(fromMigrations, "SELECT MigrationId || ' ' || ProductVersion FROM __EFMigrationsHistory ORDER BY 1"), Rows(fromScript, "SELECT MigrationId || ' ' || ProductVersion FROM __EFMigrationsHistory ORDER BY 1"));
        Assert.Equal(Rows(fromMigrations, "SELECT Key FROM Settings"), Rows(fromScript, "SELECT Key FROM Settings"));
        // The default inbox was created when the store was, not when the script was written.
        Assert.Equal(["1 default 2031-05-06 07:08:09.0000000 0"], Rows(fromScript, "SELECT Id || ' ' || Name || ' ' || CreatedAt || ' ' || MaxMessages FROM Inboxes"));
        using var migrated = Context(fromScript);
        Assert.Empty(migrated.Database.GetPendingMigrations());
    }

    [Fact]
    public void The_script_runs_only_on_a_store_without_tables()
    {
        var path = NewPath();
        using (var db = Context(path))
        {
            db.Database.Migrate();
        }
        using var connection = Open(path);

        Assert.False(SqliteSchemaScript.TryCreate(connection, TimeProvider.System));
        Assert.Equal(["1"], Rows(path, "SELECT count(*) FROM Inboxes"));
    }

    [Fact]
    public void A_store_is_current_once_it_has_every_migration_of_the_build()
    {
        var path = NewPath();
        var ids = MigrationHistory.MigrationIds(typeof(MailDbContext));
        using var connection = Open(path);
        Assert.False(IsCurrent(connection), "a new store has no history table");

        using (var db = Context(path))
        {
            db.GetService<IMigrator>().Migrate(ids[^2]);
        }
        Assert.False(IsCurrent(connection), "the store lacks the last migration");

        using (var db = Context(path))
        {
            db.Database.Migrate();
        }
        Assert.True(IsCurrent(connection));
        Assert.Equal(ids, Rows(path, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId"));
        Assert.DoesNotContain(ids, id => id.Contains("Postgres", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            File.Delete(file);
        }
    }

    private static bool IsCurrent(SqliteConnection connection) =>
        MigrationHistory.IsCurrent(connection, typeof(MailDbContext), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'");

    /// <summary>Line ends and the byte-order mark aside, and the migrations' one literal time (the default inbox's creation, masked).</summary>
    private static string Normalize(string script) =>
        Timestamp().Replace(script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim(), "'TIME'");

    private string NewPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mailcatcher-schema-{Guid.NewGuid():N}.db");
        _files.Add(path);
        return path;
    }

    private static MailDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<MailDbContext>().UseSqlite($"Data Source={path}").Options);

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        return connection;
    }

    private static List<string> Rows(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return rows;
    }

    [GeneratedRegex(@"'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{7}'")]
    private static partial Regex Timestamp();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
