using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailCatcher.Storage.Migrations
{
    /// <summary>
    /// Isolated inboxes (issue 13): the <c>Inboxes</c> table with <c>default</c> as id 1, and an
    /// <c>InboxId</c> on messages (every existing message goes to <c>default</c> through the
    /// column's default) and sessions. The inbox leads the indexes that list, count and search one
    /// inbox: <c>(InboxId, Id)</c> and <c>(InboxId, IsRead)</c>.
    /// </summary>
    public partial class Inboxes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InboxId",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InboxId",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.CreateTable(
                name: "Inboxes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", nullable: true),
                    MaxMessages = table.Column<int>(type: "INTEGER", nullable: false),
                    SmtpPasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    ApiTokenHash = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inboxes", x => x.Id);
                });

            migrationBuilder.Sql($"INSERT INTO Inboxes (Id, Name, CreatedAt, MaxMessages) VALUES (1, 'default', '{Database.UtcDateTimeConverter.Format(DateTime.UtcNow)}', 0);");
            migrationBuilder.Sql("UPDATE Sessions SET InboxId = 1;");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_InboxId_Id",
                table: "Sessions",
                columns: new[] { "InboxId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_InboxId_Id",
                table: "Messages",
                columns: new[] { "InboxId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_InboxId_IsRead",
                table: "Messages",
                columns: new[] { "InboxId", "IsRead" });

            migrationBuilder.CreateIndex(
                name: "IX_Inboxes_ExpiresAt",
                table: "Inboxes",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Inboxes_Name",
                table: "Inboxes",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Inboxes");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_InboxId_Id",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Messages_InboxId_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_InboxId_IsRead",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "InboxId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "InboxId",
                table: "Messages");
        }
    }
}
