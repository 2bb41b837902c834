CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "Messages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Messages" PRIMARY KEY AUTOINCREMENT,
    "ReceivedAt" TEXT NOT NULL,
    "SessionId" INTEGER NOT NULL,
    "FromName" TEXT NULL,
    "FromAddress" TEXT NULL,
    "ToJson" TEXT NOT NULL,
    "CcJson" TEXT NOT NULL,
    "EnvelopeFrom" TEXT NOT NULL,
    "EnvelopeToJson" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Date" TEXT NULL,
    "MessageIdHeader" TEXT NULL,
    "Snippet" TEXT NOT NULL,
    "AttachmentCount" INTEGER NOT NULL,
    "Size" INTEGER NOT NULL,
    "IsRead" INTEGER NOT NULL,
    "TagsJson" TEXT NOT NULL,
    "AuthenticatedUser" TEXT NULL,
    "Tls" TEXT NULL,
    "ClientAddress" TEXT NOT NULL,
    "HeloName" TEXT NULL,
    "ParseError" TEXT NULL
);

CREATE TABLE "Sessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Sessions" PRIMARY KEY AUTOINCREMENT,
    "Protocol" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "ClientAddress" TEXT NOT NULL,
    "HeloName" TEXT NULL,
    "Tls" TEXT NULL,
    "AuthenticatedUser" TEXT NULL,
    "Error" TEXT NULL,
    "MessageCount" INTEGER NOT NULL
);

CREATE TABLE "MessageContents" (
    "MessageId" INTEGER NOT NULL CONSTRAINT "PK_MessageContents" PRIMARY KEY,
    "Compression" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    CONSTRAINT "FK_MessageContents_Messages_MessageId" FOREIGN KEY ("MessageId") REFERENCES "Messages" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SessionTranscripts" (
    "SessionId" INTEGER NOT NULL CONSTRAINT "PK_SessionTranscripts" PRIMARY KEY,
    "Data" BLOB NOT NULL,
    CONSTRAINT "FK_SessionTranscripts_Sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "Sessions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Messages_IsRead" ON "Messages" ("IsRead");

CREATE INDEX "IX_Messages_ReceivedAt" ON "Messages" ("ReceivedAt");

CREATE INDEX "IX_Messages_SessionId" ON "Messages" ("SessionId");

CREATE INDEX "IX_Sessions_StartedAt" ON "Sessions" ("StartedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128134952_InitialSchema', '10.0.15');

CREATE TABLE "Settings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Settings" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

INSERT INTO Settings (Key, Value) VALUES ('UidValidity', CAST(strftime('%s','now') AS TEXT));

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128135750_StoreSettings', '10.0.15');

CREATE TABLE "OutboxEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxEntries" PRIMARY KEY AUTOINCREMENT,
    "MessageId" INTEGER NOT NULL,
    "EnvelopeFrom" TEXT NOT NULL,
    "RecipientsJson" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "QueuedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NULL,
    "BounceMessageId" INTEGER NULL
);

CREATE TABLE "OutboxAttempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxAttempts" PRIMARY KEY AUTOINCREMENT,
    "EntryId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Code" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "Transcript" TEXT NULL,
    CONSTRAINT "FK_OutboxAttempts_OutboxEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "OutboxEntries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OutboxContents" (
    "EntryId" INTEGER NOT NULL CONSTRAINT "PK_OutboxContents" PRIMARY KEY,
    "Compression" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    CONSTRAINT "FK_OutboxContents_OutboxEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "OutboxEntries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OutboxAttempts_EntryId" ON "OutboxAttempts" ("EntryId");

CREATE INDEX "IX_OutboxEntries_State_NextAttemptAt" ON "OutboxEntries" ("State", "NextAttemptAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128140322_Outbox', '10.0.15');

CREATE VIRTUAL TABLE MessageSearch USING fts5(
    subject, sender, recipients, body,
    content = '', contentless_delete = 1, prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE INDEX IX_Messages_SearchFlags ON Messages (AttachmentCount, IsRead);
CREATE TRIGGER MessagesSearchDelete AFTER DELETE ON Messages
BEGIN
    DELETE FROM MessageSearch WHERE rowid = old.Id;
END;

INSERT INTO MessageSearch (rowid, subject, sender, recipients, body)
SELECT m.Id, m.Subject,
    coalesce(m.FromName, '') || ' ' || coalesce(m.FromAddress, '') || ' ' || m.EnvelopeFrom,
    coalesce((SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.address'), ' ') FROM json_each(m.ToJson)), '') || ' ' ||
    coalesce((SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.address'), ' ') FROM json_each(m.CcJson)), '') || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(m.EnvelopeToJson)), ''),
    m.Snippet
FROM Messages m;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128140600_MessageSearch', '10.0.15');

DROP TRIGGER IF EXISTS MessagesSearchDelete;
DROP TABLE IF EXISTS MessageSearch;
CREATE VIRTUAL TABLE MessageSearch USING fts5(
    subject, sender, recipients, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER MessagesSearchDelete AFTER DELETE ON Messages
BEGIN
    DELETE FROM MessageSearch WHERE rowid = old.Id;
END;
CREATE TABLE SearchReindexQueue (MessageId INTEGER NOT NULL PRIMARY KEY);
INSERT INTO SearchReindexQueue (MessageId) SELECT Id FROM Messages;

INSERT INTO MessageSearch (rowid, subject, sender, recipients, body)
SELECT m.Id, m.Subject,
    coalesce(m.FromName, '') || ' ' || coalesce(m.FromAddress, '') || ' ' || m.EnvelopeFrom,
    coalesce((SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.address'), ' ') FROM json_each(m.ToJson)), '') || ' ' ||
    coalesce((SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.address'), ' ') FROM json_each(m.CcJson)), '') || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(m.EnvelopeToJson)), ''),
    m.Snippet
FROM Messages m;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128164500_SearchWithoutPrefixIndexes', '10.0.15');

ALTER TABLE "Sessions" ADD "InboxId" INTEGER NULL;

ALTER TABLE "Messages" ADD "InboxId" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "Inboxes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Inboxes" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NULL,
    "MaxMessages" INTEGER NOT NULL,
    "SmtpPasswordHash" TEXT NULL,
    "ApiTokenHash" TEXT NULL
);

INSERT INTO Inboxes (Id, Name, CreatedAt, MaxMessages) VALUES (1, 'default', '2026-12-05 01:37:54.6017714', 0);

UPDATE Sessions SET InboxId = 1;

CREATE INDEX "IX_Sessions_InboxId_Id" ON "Sessions" ("InboxId", "Id");

CREATE INDEX "IX_Messages_InboxId_Id" ON "Messages" ("InboxId", "Id");

CREATE INDEX "IX_Messages_InboxId_IsRead" ON "Messages" ("InboxId", "IsRead");

CREATE INDEX "IX_Inboxes_ExpiresAt" ON "Inboxes" ("ExpiresAt");

CREATE UNIQUE INDEX "IX_Inboxes_Name" ON "Inboxes" ("Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204175849_Inboxes', '10.0.15');

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

INSERT INTO MessageSearch (rowid, subject, sender, recipients, body, inbox)
SELECT m.Id, m.Subject,
    coalesce(m.FromName, '') || ' ' || coalesce(m.FromAddress, '') || ' ' || m.EnvelopeFrom,
    coalesce((SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.address'), ' ') FROM json_each(m.ToJson)), '') || ' ' ||
    coalesce((SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.address'), ' ') FROM json_each(m.CcJson)), '') || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(m.EnvelopeToJson)), ''),
    m.Snippet,
    'i' || m.InboxId
FROM Messages m;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204213000_SearchByInbox', '10.0.15');

ALTER TABLE "OutboxEntries" ADD "ClaimedBy" TEXT NULL;

ALTER TABLE "OutboxEntries" ADD "LeaseUntil" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205003000_OutboxLease', '10.0.15');

