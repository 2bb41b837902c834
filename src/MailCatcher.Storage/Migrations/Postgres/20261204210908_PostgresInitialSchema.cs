using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MailCatcher.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresInitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inboxes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    createdat = table.Column<string>(type: "text", nullable: false),
                    expiresat = table.Column<string>(type: "text", nullable: true),
                    maxmessages = table.Column<int>(type: "integer", nullable: false),
                    smtppasswordhash = table.Column<string>(type: "text", nullable: true),
                    apitokenhash = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inboxes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    receivedat = table.Column<string>(type: "text", nullable: false),
                    sessionid = table.Column<long>(type: "bigint", nullable: false),
                    inboxid = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L),
                    fromname = table.Column<string>(type: "text", nullable: true),
                    fromaddress = table.Column<string>(type: "text", nullable: true),
                    tojson = table.Column<string>(type: "text", nullable: false),
                    ccjson = table.Column<string>(type: "text", nullable: false),
                    envelopefrom = table.Column<string>(type: "text", nullable: false),
                    envelopetojson = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<string>(type: "text", nullable: true),
                    messageidheader = table.Column<string>(type: "text", nullable: true),
                    snippet = table.Column<string>(type: "text", nullable: false),
                    attachmentcount = table.Column<int>(type: "integer", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    isread = table.Column<bool>(type: "boolean", nullable: false),
                    tagsjson = table.Column<string>(type: "text", nullable: false),
                    authenticateduser = table.Column<string>(type: "text", nullable: true),
                    tls = table.Column<string>(type: "text", nullable: true),
                    clientaddress = table.Column<string>(type: "text", nullable: false),
                    heloname = table.Column<string>(type: "text", nullable: true),
                    parseerror = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outboxentries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    envelopefrom = table.Column<string>(type: "text", nullable: false),
                    recipientsjson = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<string>(type: "text", nullable: false),
                    queuedat = table.Column<string>(type: "text", nullable: false),
                    nextattemptat = table.Column<string>(type: "text", nullable: true),
                    bouncemessageid = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outboxentries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    protocol = table.Column<string>(type: "text", nullable: false),
                    startedat = table.Column<string>(type: "text", nullable: false),
                    endedat = table.Column<string>(type: "text", nullable: true),
                    clientaddress = table.Column<string>(type: "text", nullable: false),
                    heloname = table.Column<string>(type: "text", nullable: true),
                    tls = table.Column<string>(type: "text", nullable: true),
                    authenticateduser = table.Column<string>(type: "text", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    messagecount = table.Column<int>(type: "integer", nullable: false),
                    inboxid = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "messagecontents",
                columns: table => new
                {
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    compression = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messagecontents", x => x.messageid);
                    table.ForeignKey(
                        name: "fk_messagecontents_messages_messageid",
                        column: x => x.messageid,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outboxattempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entryid = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "text", nullable: false),
                    transcript = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outboxattempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_outboxattempts_outboxentries_entryid",
                        column: x => x.entryid,
                        principalTable: "outboxentries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outboxcontents",
                columns: table => new
                {
                    entryid = table.Column<long>(type: "bigint", nullable: false),
                    compression = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outboxcontents", x => x.entryid);
                    table.ForeignKey(
                        name: "fk_outboxcontents_outboxentries_entryid",
                        column: x => x.entryid,
                        principalTable: "outboxentries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessiontranscripts",
                columns: table => new
                {
                    sessionid = table.Column<long>(type: "bigint", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessiontranscripts", x => x.sessionid);
                    table.ForeignKey(
                        name: "fk_sessiontranscripts_sessions_sessionid",
                        column: x => x.sessionid,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inboxes_expiresat",
                table: "inboxes",
                column: "expiresat");

            migrationBuilder.CreateIndex(
                name: "ix_inboxes_name",
                table: "inboxes",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_inboxid_id",
                table: "messages",
                columns: new[] { "inboxid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_inboxid_isread",
                table: "messages",
                columns: new[] { "inboxid", "isread" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_isread",
                table: "messages",
                column: "isread");

            migrationBuilder.CreateIndex(
                name: "ix_messages_receivedat",
                table: "messages",
                column: "receivedat");

            migrationBuilder.CreateIndex(
                name: "ix_messages_sessionid",
                table: "messages",
                column: "sessionid");

            migrationBuilder.CreateIndex(
                name: "ix_outboxattempts_entryid",
                table: "outboxattempts",
                column: "entryid");

            migrationBuilder.CreateIndex(
                name: "ix_outboxentries_state_nextattemptat",
                table: "outboxentries",
                columns: new[] { "state", "nextattemptat" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_inboxid_id",
                table: "sessions",
                columns: new[] { "inboxid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_startedat",
                table: "sessions",
                column: "startedat");

            // What SQLite's migrations add by hand, in PostgreSQL's terms: the store's UIDVALIDITY
            // (RFC 3501 §2.3.1.1), the default inbox as id 1 (issue 13), and the search index. The
            // search index is a tsvector per message with a GIN index (Search/PostgresSearchSql.cs);
            // a message's row goes with it through the foreign key, as SQLite's trigger does. Its
            // text search configuration is "simple" (no stemming, no stop words, as FTS5's
            // unicode61) with accents removed, as FTS5's remove_diacritics: "José" is "jose".
            migrationBuilder.Sql("""
                INSERT INTO settings (key, value) VALUES ('UidValidity', CAST(CAST(extract(epoch FROM now()) AS bigint) AS text));
                INSERT INTO inboxes (id, name, createdat, maxmessages) VALUES (1, 'default', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US0'), 0);
                SELECT setval(pg_get_serial_sequence('inboxes', 'id'), 1);
                CREATE INDEX ix_messages_searchflags ON messages (attachmentcount, isread);
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION mailcatcher_search (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION mailcatcher_search
                    ALTER MAPPING FOR word, numword, hword, hword_part, hword_numpart WITH unaccent, simple;
                CREATE TABLE messagesearch (
                    id bigint PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
                    document tsvector NOT NULL);
                CREATE INDEX ix_messagesearch_document ON messagesearch USING gin (document);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS messagesearch; DROP INDEX IF EXISTS ix_messages_searchflags; DROP TEXT SEARCH CONFIGURATION IF EXISTS mailcatcher_search;");
            migrationBuilder.DropTable(
                name: "inboxes");

            migrationBuilder.DropTable(
                name: "messagecontents");

            migrationBuilder.DropTable(
                name: "outboxattempts");

            migrationBuilder.DropTable(
                name: "outboxcontents");

            migrationBuilder.DropTable(
                name: "sessiontranscripts");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "outboxentries");

            migrationBuilder.DropTable(
                name: "sessions");
        }
    }
}
