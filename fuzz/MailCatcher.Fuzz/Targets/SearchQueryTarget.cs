using System.Text;
using MailCatcher.Core.Search;
using MailCatcher.Storage.Search;
using Microsoft.Data.Sqlite;

namespace MailCatcher.Fuzz.Targets;

/// <summary>
/// The search language: <see cref="SearchQueryException"/> is its documented failure. Whatever
/// parses must become an FTS5 expression that SQLite accepts (a bad one would be a 500 at search
/// time), checked against an in-memory table shaped like the real one.
/// </summary>
internal static class SearchQueryTarget
{
    private static readonly Lazy<SqliteConnection> Database = new(Open);

    public static void Run(byte[] input)
    {
        SearchQuery query;
        try
        {
            query = SearchQueryParser.Parse(Encoding.UTF8.GetString(input));
        }
        catch (SearchQueryException)
        {
            return;
        }
        if (SqliteSearchSql.FullTextPart(query) is not { } match)
        {
            return;
        }
        using var command = Database.Value.CreateCommand();
        command.CommandText = SqliteSearchSql.CountMatches;
        command.Parameters.AddWithValue("$match", match);
        try
        {
            command.ExecuteScalar();
        }
        catch (SqliteException e)
        {
            throw new InvariantException($"FTS5 rejects the expression {match}: {e.Message}");
        }
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE VIRTUAL TABLE MessageSearch USING fts5(subject, sender, recipients, body,
                content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO MessageSearch (rowid, subject, sender, recipients, body) VALUES (1, 'hello', 'a example com', 'b example com', 'body text');
            """;
        create.ExecuteNonQuery();
        return connection;
    }
}
