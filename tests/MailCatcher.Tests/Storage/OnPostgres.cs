using MailCatcher.Tests.Api;
using MailCatcher.Tests.Corpus;
using MailCatcher.Tests.Imap;
using MailCatcher.Tests.Inboxes;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Pop3;
using MailCatcher.Tests.Relay;
using MailCatcher.Tests.Smtp;
using Microsoft.Extensions.DependencyInjection;

// Issue 14: the test matrix. Each class below runs every test of its SQLite base class again with
// the hosts on PostgreSQL (see StorageMatrix): the API, search, wait, SMTP, POP3, IMAP, corpus,
// inbox and outbox tests. One file, so the matrix reads as one list.
#pragma warning disable SA1402, MA0048 // Several one-line types in one file on purpose.

namespace MailCatcher.Tests.Storage;

public sealed class MessagesApiOnPostgresTests : MessagesApiTests, IRunsOnPostgres;

public sealed class SearchApiOnPostgresTests(SearchFixture searchFixture) : SearchApiTests(searchFixture), IRunsOnPostgres
{
    private readonly SearchFixture _fixture = searchFixture;

    /// <summary>The matrix itself: a class fixture started for this class is on PostgreSQL, so the same answers here are PostgreSQL's.</summary>
    [Fact]
    public void The_hosts_of_this_class_run_on_postgresql() =>
        Assert.True(_fixture.Host.Services.GetRequiredService<MailCatcher.Storage.Database.DatabaseLocation>().IsPostgres);
}

public sealed class WaitApiOnPostgresTests : WaitApiTests, IRunsOnPostgres;

public sealed class MailKitEndToEndOnPostgresTests : MailKitEndToEndTests, IRunsOnPostgres;

public sealed class SmtpProtocolOnPostgresTests : SmtpProtocolTests, IRunsOnPostgres;

public sealed class Pop3EndToEndOnPostgresTests : Pop3EndToEndTests, IRunsOnPostgres;

public sealed class ImapEndToEndOnPostgresTests : ImapEndToEndTests, IRunsOnPostgres;

public sealed class ImapCorpusOnPostgresTests : ImapCorpusTests, IRunsOnPostgres;

public sealed class CorpusIngestOnPostgresTests : CorpusIngestTests, IRunsOnPostgres;

public sealed class InboxRoutingOnPostgresTests : InboxRoutingTests, IRunsOnPostgres;

public sealed class RelayReleaseOnPostgresTests : RelayReleaseTests, IRunsOnPostgres;

public sealed class InboxSearchOnPostgresTests : InboxSearchTests, IRunsOnPostgres;
