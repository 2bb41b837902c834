using MailCatcher.Storage.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailCatcher.Storage.Migrations.Postgres
{
    /// <summary>
    /// Outbox claims get an owner and a lease (issue 14; SQLite's <c>OutboxLease</c> adds the same):
    /// an instance starting up takes back only entries whose lease ran out, never one another live
    /// instance is sending right now. Existing rows keep nulls, which count as an expired lease.
    /// </summary>
    [DbContext(typeof(PostgresMailDbContext))]
    [Migration("20261205003000_PostgresOutboxLease")]
    public sealed class PostgresOutboxLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "claimedby", table: "outboxentries", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "leaseuntil", table: "outboxentries", type: "text", nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "claimedby", table: "outboxentries");
            migrationBuilder.DropColumn(name: "leaseuntil", table: "outboxentries");
        }
    }
}
