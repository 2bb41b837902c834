using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Storage.Database;

/// <summary>
/// Creates the context of the configured provider: <see cref="MailDbContext"/> on SQLite,
/// <see cref="PostgresMailDbContext"/> on PostgreSQL (issue 14). Every caller asks for a
/// <see cref="MailDbContext"/> and never learns which.
/// </summary>
public sealed class MailDbContextFactory : IDbContextFactory<MailDbContext>
{
    private readonly Func<MailDbContext> _create;

    public MailDbContextFactory(DatabaseLocation location, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.IsPostgres)
        {
            var options = new DbContextOptionsBuilder<PostgresMailDbContext>()
                .UseNpgsql(location.ConnectionString)
                .UseLoggerFactory(loggers)
                .Options;
            _create = () => new PostgresMailDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<MailDbContext>()
                .UseSqlite(location.ConnectionString)
                .UseLoggerFactory(loggers)
                .Options;
            _create = () => new MailDbContext(options);
        }
    }

    public MailDbContext CreateDbContext() => _create();
}
