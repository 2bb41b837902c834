using MailCatcher.Storage.Database;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailCatcher.Storage.Migrations
{
    /// <summary>
    /// Adds an <c>inbox</c> column to the FTS5 table, holding one token per message that names its
    /// inbox (<see cref="Search.SqliteSearchSql.InboxToken"/>). A search in one inbox then becomes one
    /// FTS5 expression that the index answers alone, instead of every match in the store being
    /// checked against the (InboxId, Id) index: at 100 inboxes and 100,000 messages "account
    /// -newsletter" in one inbox took 124 ms before (bench/MailCatcher.Bench inboxes).
    /// <para>
    /// FTS5 columns cannot be added, so the table is recreated as <see cref="SearchWithoutPrefixIndexes"/>
    /// did: filled at once from the summary columns (headers and snippet) and every message queued
    /// for the <see cref="Search.SearchReindexer"/>, which restores the full bodies in the background.
    /// </para>
    /// </summary>
    [DbContext(typeof(MailDbContext))]
    [Migration("20261204213000_SearchByInbox")]
    public sealed class SearchByInbox : Migration
    {
        private const string CreateTable = """
            DROP TRIGGER IF EXISTS MessagesSearchDelete;
            DROP TABLE IF EXISTS MessageSearch;
            CREATE VIRTUAL TABLE MessageSearch USING fts5(
                subject, sender, recipients, body, inbox,
                content = '', contentless_delete = 1,
                tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER MessagesSearchDelete AFTER DELETE ON Messages
            BEGIN
                DELETE FROM MessageSearch WHERE rowid = old.Id;
            END;
            INSERT OR IGNORE INTO SearchReindexQueue (MessageId) SELECT Id FROM Messages;
            """;

        /// <summary>As <see cref="SearchWithoutPrefixIndexes.BackfillHeadersAndSnippets"/>, with each message's inbox token.</summary>
        private const string BackfillWithInbox = """
            INSERT INTO MessageSearch (rowid, subject, sender, recipients, body, inbox)
            SELECT m.Id, m.Subject,
                coalesce(m.FromName, '') || ' ' || coalesce(m.FromAddress, '') || ' ' || m.EnvelopeFrom,
                coalesce((SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.address'), ' ') FROM json_each(m.ToJson)), '') || ' ' ||
                coalesce((SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.address'), ' ') FROM json_each(m.CcJson)), '') || ' ' ||
                coalesce((SELECT group_concat(value, ' ') FROM json_each(m.EnvelopeToJson)), ''),
                m.Snippet,
                'i' || m.InboxId
            FROM Messages m;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateTable);
            migrationBuilder.Sql(BackfillWithInbox);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateTable.Replace("body, inbox,", "body,", StringComparison.Ordinal));
            migrationBuilder.Sql(SearchWithoutPrefixIndexes.BackfillHeadersAndSnippets);
        }
    }
}
