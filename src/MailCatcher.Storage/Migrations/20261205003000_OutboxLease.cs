using MailCatcher.Storage.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailCatcher.Storage.Migrations
{
    /// <summary>
    /// Outbox claims get an owner and a lease (issue 14): <c>ClaimedBy</c> names the instance that
    /// is sending an entry and <c>LeaseUntil</c> how long its claim holds unless renewed. On SQLite
    /// one process owns the file, so nothing changes for it: at start every <c>sending</c> entry is
    /// still queued again. Existing rows keep nulls, which count as an expired lease.
    /// </summary>
    [DbContext(typeof(MailDbContext))]
    [Migration("20261205003000_OutboxLease")]
    public sealed class OutboxLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "ClaimedBy", table: "OutboxEntries", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "LeaseUntil", table: "OutboxEntries", type: "TEXT", nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // EF Core's SQLite provider refuses DropColumnOperation; SQLite itself has had
            // ALTER TABLE … DROP COLUMN since 3.35 (the bundled e_sqlite3 is newer).
            migrationBuilder.Sql("ALTER TABLE \"OutboxEntries\" DROP COLUMN \"ClaimedBy\";");
            migrationBuilder.Sql("ALTER TABLE \"OutboxEntries\" DROP COLUMN \"LeaseUntil\";");
        }
    }
}
