using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MailCatcher.Storage.Database;

/// <summary>
/// What lets one hand-written statement run on both engines (issue 14). The statements are written
/// once, in the SQL both understand (<c>RETURNING</c>, <c>ON CONFLICT</c>, <c>true</c>/<c>false</c>)
/// with SQLite's <c>$name</c> parameters; on PostgreSQL the parameters become Npgsql's <c>@name</c>.
/// The names themselves need no change: PostgreSQL's tables are lower case (<see cref="PostgresMailDbContext"/>).
/// </summary>
internal static partial class ProviderSql
{
    /// <summary>The statement for the provider: SQLite's as written, PostgreSQL's with <c>@name</c> parameters.</summary>
    public static string For(string sql, bool postgres) => postgres ? DollarParameter().Replace(sql, "@$1") : sql;

    /// <summary>Adds a parameter to a command of either provider; <c>null</c> is SQL NULL.</summary>
    public static void AddWithValue(this DbParameterCollection parameters, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(name);
        switch (parameters)
        {
            case SqliteParameterCollection sqlite:
                sqlite.AddWithValue(name, value ?? DBNull.Value);
                break;
            case NpgsqlParameterCollection npgsql:
                npgsql.AddWithValue(name.TrimStart('$'), value ?? DBNull.Value);
                break;
            default:
                throw new NotSupportedException($"No parameters for {parameters.GetType().Name}.");
        }
    }

    /// <summary>A parameter object for EF Core's <c>FromSqlRaw</c> on the provider.</summary>
    public static DbParameter Parameter(string name, object? value, bool postgres) =>
        postgres ? new NpgsqlParameter(name.TrimStart('$'), value ?? DBNull.Value) : new SqliteParameter(name, value ?? DBNull.Value);

    // A $ followed by a name; the statements hold no $ in literals (PostgreSQL's $1 positional
    // parameters and dollar quoting are never used in them).
    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex DollarParameter();
}
