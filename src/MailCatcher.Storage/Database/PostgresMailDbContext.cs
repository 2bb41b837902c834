using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Database;

/// <summary>
/// The mail store's model on PostgreSQL (issue 14): the same entities as <see cref="MailDbContext"/>,
/// with its own migrations (<c>Migrations/Postgres</c>) so that SQLite's stay untouched.
/// <para>
/// Every table, column and index name is lower case. PostgreSQL folds unquoted names to lower
/// case, so the hand-written SQL of the writer and the queries (<c>INSERT INTO Messages (InboxId …)</c>)
/// reaches the same tables on both engines without quoting.
/// </para>
/// </summary>
public sealed class PostgresMailDbContext(DbContextOptions<PostgresMailDbContext> options) : MailDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(entity.GetTableName()!.ToLowerInvariant());
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(property.GetColumnName().ToLowerInvariant());
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.GetName()!.ToLowerInvariant());
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(foreignKey.GetConstraintName()!.ToLowerInvariant());
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(index.GetDatabaseName()!.ToLowerInvariant());
            }
        }
    }
}
