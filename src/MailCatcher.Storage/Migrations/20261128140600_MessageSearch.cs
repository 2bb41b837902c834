using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailCatcher.Storage.Migrations
{
    /// <summary>
    /// The SQLite FTS5 full-text index of messages (subject, sender, recipients, body) and the
    /// trigger that removes a message's entry when the message is deleted. No model change: the
    /// index is SQLite-specific. The SQL is written out here, not shared, because a migration is
    /// history: <see cref="SearchWithoutPrefixIndexes"/> later rebuilt the table differently.
    /// </summary>
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE MessageSearch USING fts5(
                    subject, sender, recipients, body,
                    content = '', contentless_delete = 1, prefix = '2 3',
                    tokenize = 'unicode61 remove_diacritics 2');
                CREATE INDEX IX_Messages_SearchFlags ON Messages (AttachmentCount, IsRead);
                CREATE TRIGGER MessagesSearchDelete AFTER DELETE ON Messages
                BEGIN
                    DELETE FROM MessageSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql(SearchWithoutPrefixIndexes.BackfillHeadersAndSnippets);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS MessagesSearchDelete;
                DROP INDEX IF EXISTS IX_Messages_SearchFlags;
                DROP TABLE IF EXISTS MessageSearch;
                """);
        }
    }
}
