using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MailCatcher.Storage.Database;

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresMailDbContext -o Migrations/Postgres</c> build the context without a server.</summary>
internal sealed class DesignTimePostgresMailDbContextFactory : IDesignTimeDbContextFactory<PostgresMailDbContext>
{
    public PostgresMailDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresMailDbContext>().UseNpgsql("Host=localhost;Database=mailcatcher_design").Options);
}
