using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailCatcher.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StoreSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Key);
                });

            // RFC 3501 §2.3.1.1: UIDVALIDITY is fixed when the mailbox is created and never reused;
            // the creation time in seconds is a value a recreated database will not repeat.
            migrationBuilder.Sql("INSERT INTO Settings (Key, Value) VALUES ('UidValidity', CAST(strftime('%s','now') AS TEXT));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Settings");
        }
    }
}
