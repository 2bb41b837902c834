using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MailCatcher.Storage.Database;

/// <summary>
/// Start-up (issue 11): whether a store already has every migration this build carries, asked with
/// one query. EF Core's migrator answers the same question only after building its services, the
/// model snapshot and the current model and comparing the two: about a third of start-up on a
/// store that needs nothing done.
/// </summary>
internal static class MigrationHistory
{
    /// <summary>EF Core's history table, on both providers (quoted: PostgreSQL keeps its case).</summary>
    public const string Table = "__EFMigrationsHistory";

    /// <summary>
    /// The ids of the migrations this build carries for <paramref name="contextType"/>, oldest
    /// first: read from their attributes, as EF Core's migrations assembly does.
    /// </summary>
    public static IReadOnlyList<string> MigrationIds(Type contextType) =>
        [.. typeof(MigrationHistory).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Migration)) && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()!.Id)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// True when the history table lists every migration of <paramref name="contextType"/>; false
    /// when it lacks one or does not exist (a new store). A store a newer build migrated further is
    /// current too: EF Core's migrator never reverts, so it would do nothing either.
    /// </summary>
    /// <param name="tableExistsSql">The provider's query for "does the history table exist" (a count or a boolean).</param>
    public static bool IsCurrent(DbConnection connection, Type contextType, string tableExistsSql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (var exists = connection.CreateCommand())
        {
            exists.CommandText = tableExistsSql;
            if (exists.ExecuteScalar() is null or 0L or false)
            {
                return false;
            }
        }
        var applied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var read = connection.CreateCommand();
        read.CommandText = $"SELECT \"MigrationId\" FROM \"{Table}\"";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            applied.Add(reader.GetString(0));
        }
        return MigrationIds(contextType).All(applied.Contains);
    }
}
