using System.Net;
using System.Net.Http.Json;
using MailCatcher.Core.Events;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Tests.Inboxes;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MailCatcher.Tests.Storage;

/// <summary>
/// Issue 14: an inbox created or deleted through one instance is known to the others without a
/// restart: listed, routed to by its SMTP AUTH user, its token accepted, and gone again after delete.
/// </summary>
public sealed class PostgresInboxFanoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_inbox_created_on_one_instance_is_listed_and_routable_on_the_other_and_deleting_it_there_stops_it()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var a = await TestHost.StartAsync("--db", url);
            await using var b = await TestHost.StartAsync("--db", url);
            var changedOnB = new List<InboxChanged>();
            using var subscription = b.Services.GetRequiredService<MailEventBus>().Subscribe(e =>
            {
                if (e is InboxChanged changed)
                {
                    lock (changedOnB)
                    {
                        changedOnB.Add(changed);
                    }
                }
            });

            var inbox = await a.CreateInboxAsync(new { name = "team-x" });
            await UntilAsync(async () => (await InboxNamesAsync(b)).Contains("team-x"), "B never listed the inbox A created");

            await b.SendAsAsync(inbox.SmtpUser, inbox.SmtpPassword, MailSender.Message("app@example.com", "ann@example.com", "via B", "text"));
            var page = await b.ClientFor(inbox.ApiToken).ListAsync("api/v1/inboxes/team-x/messages");
            Assert.Equal("via B", Assert.Single(page.Messages).Subject);
            Assert.Equal("team-x", page.Messages[0].Inbox);

            Assert.Equal(HttpStatusCode.NoContent, (await a.ClientFor(inbox.ApiToken).DeleteAsync("api/v1/inboxes/team-x", Ct)).StatusCode);
            await UntilAsync(async () => !(await InboxNamesAsync(b)).Contains("team-x"), "B still listed the inbox A deleted");

            // Its user name is an ordinary one again (any AUTH is accepted by default): mail goes to default.
            await b.SendAsAsync(inbox.SmtpUser, inbox.SmtpPassword, MailSender.Message("app@example.com", "ann@example.com", "after delete", "text"));
            var all = await b.Http.ListAsync("api/v1/messages");
            Assert.Equal("default", Assert.Single(all.Messages, m => m.Subject == "after delete").Inbox);
            Assert.NotEqual(HttpStatusCode.OK, (await b.ClientFor(inbox.ApiToken).GetAsync("api/v1/inboxes/team-x/messages", Ct)).StatusCode);
            lock (changedOnB)
            {
                Assert.Equal([false, true], changedOnB.Where(c => c.Inbox == "team-x").Select(c => c.Deleted));
            }
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }

    [Fact]
    public async Task An_instance_whose_listening_connection_was_cut_catches_up_on_inboxes_it_missed()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var a = await TestHost.StartAsync("--db", url);
            await using var b = await TestHost.StartAsync("--db", url);
            // A row no instance announced: what B misses when a notice is sent while it is not listening.
            await using (var db = await a.Services.GetRequiredService<IDbContextFactory<MailDbContext>>().CreateDbContextAsync(Ct))
            {
                db.Inboxes.Add(new StoredInbox { Name = "missed", CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync(Ct);
            }
            Assert.DoesNotContain("missed", await InboxNamesAsync(b));

            // Cut the instances' LISTEN connections as a network failure would; they listen again and catch up.
            await using (var admin = new NpgsqlConnection(cluster.AdminConnectionString))
            {
                await admin.OpenAsync(Ct);
                await using var cut = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND query LIKE 'LISTEN%'", admin);
                cut.Parameters.AddWithValue("db", new Uri(url).AbsolutePath.TrimStart('/'));
                Assert.True((long)(await cut.ExecuteScalarAsync(Ct))! >= 2);
            }
            await UntilAsync(async () => (await InboxNamesAsync(b)).Contains("missed"), "B never caught up on the inbox it missed");
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }

    private static async Task<List<string>> InboxNamesAsync(TestHost host) =>
        [.. (await host.Http.GetFromJsonAsync<InboxListDto>("api/v1/inboxes", TestJson.Options, Ct))!.Inboxes.Select(i => i.Name)];

    private static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50, Ct);
        }
    }
}
