using System.Globalization;
using Npgsql;

namespace MailCatcher.Storage.Database;

/// <summary>
/// Turns what a user gives for PostgreSQL (a <c>postgres://user:pass@host:port/dbname</c> URL, the
/// libpq form, or an Npgsql connection string) into an Npgsql connection string (issue 14).
/// </summary>
public static class PostgresConnection
{
    /// <summary>True for a <c>postgres://</c> or <c>postgresql://</c> URL.</summary>
    public static bool IsUrl(string? value) =>
        value is not null
        && (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>An Npgsql connection string; a URL's user and password are percent-decoded (RFC 3986 §3.2.1).</summary>
    /// <exception cref="FormatException">The value is neither a URL with a host nor a connection string.</exception>
    public static string ToConnectionString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsUrl(value))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"Not a PostgreSQL connection string: {e.Message}", e);
            }
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            throw new FormatException("A PostgreSQL URL looks like postgres://user:pass@host:port/dbname.");
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host.Trim('[', ']'),
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : null,
        };
        var userInfo = url.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        // ?sslmode=require and the like: every query parameter is a connection-string keyword.
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, text) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
            builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(text);
        }
        return builder.ConnectionString;
    }

    /// <summary>Host, port and database without the password: what a banner or an error may show.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}");
    }
}
