using System.Data;
using System.Data.Common;
using System.Globalization;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Storage.Queries;

/// <summary>
/// Reads a message's bytes from PostgreSQL's <c>bytea</c> column as a stream (issue 14): with
/// sequential access Npgsql hands the column over as it arrives from the network, so a 50 MB
/// message is decompressed on the fly and never held whole, as SQLite's blob stream does.
/// </summary>
internal static class PostgresContent
{
    private const string Select = "SELECT Compression, Data FROM MessageContents WHERE MessageId = $id";

    /// <summary>The decompressed bytes, or null when there is no such message. Disposing the stream frees the connection.</summary>
    public static async Task<Stream?> OpenAsync(DatabaseLocation location, long id, CancellationToken cancellationToken)
    {
        var connection = location.CreateConnection();
        DbCommand? command = null;
        DbDataReader? reader = null;
        try
        {
            await connection.OpenAsync(cancellationToken);
            command = connection.CreateCommand();
            command.CommandText = ProviderSql.For(Select, postgres: true);
            command.Parameters.AddWithValue("$id", id);
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await Resources(reader, command, connection).DisposeAsync();
                return null;
            }
            var compression = (ContentCompression)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            return new OwningStream(ContentCodec.Decompress(reader.GetStream(1), compression), Resources(reader, command, connection));
        }
        catch
        {
            await Resources(reader, command, connection).DisposeAsync();
            throw;
        }
    }

    private static Owned Resources(DbDataReader? reader, DbCommand? command, DbConnection connection) => new(reader, command, connection);

    /// <summary>The reader, its command and its connection, released in that order.</summary>
    private sealed class Owned(DbDataReader? reader, DbCommand? command, DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }
            if (command is not null)
            {
                await command.DisposeAsync();
            }
            await connection.DisposeAsync();
        }
    }
}
