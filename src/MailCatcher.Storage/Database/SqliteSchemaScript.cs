using Microsoft.Data.Sqlite;

namespace MailCatcher.Storage.Database;

/// <summary>
/// Start-up (issue 11): a new SQLite store gets its whole schema from one script, in one
/// transaction, instead of from EF Core's migrator, which builds a model for each of the
/// migrations before it runs them (a third of the time to the first <c>/healthz</c> answer).
/// <para>
/// <c>Schema/SqliteSchema.sql</c> is exactly what the migrator itself writes for the migrations
/// of this build (<c>dotnet ef migrations script --no-transactions</c>, command in the file's
/// test, <c>SqliteSchemaScriptTests</c>, which fails once a migration or EF Core's version makes
/// it stale). A build whose migrations the script does not end with never uses it.
/// </para>
/// </summary>
internal static class SqliteSchemaScript
{
    private const string ResourceName = "MailCatcher.Storage.Database.Schema.SqliteSchema.sql";

    /// <summary>The script as embedded in this build.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(SqliteSchemaScript).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>
    /// Creates the schema when the store is empty (no table at all) and says whether it did. The
    /// check and the script share one immediate transaction, so of two instances starting on one
    /// new file one creates the schema and the other finds it there.
    /// </summary>
    public static bool TryCreate(SqliteConnection connection, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        var script = Text;
        if (!EndsWithTheLatestMigration(script))
        {
            return false;
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        if ((long)command.ExecuteScalar()! != 0)
        {
            return false;
        }
        command.CommandText = script;
        command.ExecuteNonQuery();
        // The one value the migrations compute when they run (Inboxes: the default inbox's
        // creation time) is a literal of the day the script was written: set it to now.
        command.CommandText = "UPDATE Inboxes SET CreatedAt = $now WHERE Id = 1";
        command.Parameters.AddWithValue("$now", UtcDateTimeConverter.Format(clock.GetUtcNow().UtcDateTime));
        command.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    private static bool EndsWithTheLatestMigration(string script) =>
        MigrationHistory.MigrationIds(typeof(MailDbContext)) is [.., var latest]
        && script.LastIndexOf("INSERT INTO \"__EFMigrationsHistory\"", StringComparison.Ordinal) is var insert and >= 0
        && script.IndexOf($"'{latest}'", insert, StringComparison.Ordinal) >= 0;
}
