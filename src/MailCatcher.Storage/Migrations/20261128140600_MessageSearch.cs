using MailCatcher.Storage.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailCatcher.Storage.Migrations
{
    /// <summary>
    /// The SQLite FTS5 full-text index of messages (subject, sender, recipients, body) and the
    /// trigger that removes a message's entry when the message is deleted. No model change: the
    /// index is SQLite-specific and lives behind <see cref="SqliteSearchSql"/>.
    /// </summary>
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteSearchSql.Create);
            migrationBuilder.Sql(SqliteSearchSql.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteSearchSql.Drop);
        }
    }
}
