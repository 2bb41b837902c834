using MailCatcher.Storage.Search;
using MailCatcher.Tests.Inboxes;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailCatcher.Tests.Storage;

/// <summary>
/// Issue 14: retention and the search re-indexer with two instances writing to one PostgreSQL
/// database at once: every message acknowledged, the limit held, no message searchable twice.
/// </summary>
public sealed class PostgresRetentionInstancesTests
{
    private const int Limit = 20;
    private const int PerSender = 15;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_pruning_to_one_limit_at_once_keep_the_newest_messages_and_index_each_once()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var url = await cluster.CreateDatabaseAsync();
        try
        {
            await using var a = await TestHost.StartAsync("--db", url, "--max-messages", Limit.ToString());
            await using var b = await TestHost.StartAsync("--db", url, "--max-messages", Limit.ToString());

            // Two senders per instance, each transaction inserting and pruning while the other
            // instance's do the same; MailKit throws on anything but 250.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
            {
                var host = sender % 2 == 0 ? a : b;
                for (var i = 0; i < PerSender; i++)
                {
                    await host.SendAsync("app@example.com", "qa@example.com", $"Prune s{sender} m{i}", "retention with two instances");
                }
            }, Ct)));
            // A transaction prunes what it sees committed: one more message, after the others
            // have committed, brings the store to the limit exactly.
            await a.SendAsync("app@example.com", "qa@example.com", "Prune last", "retention with two instances");

            var onA = await a.Http.ListAsync("api/v1/messages?limit=100");
            var onB = await b.Http.ListAsync("api/v1/messages?limit=100");
            Assert.Equal(Limit, onA.Total);
            Assert.Equal(onA.Messages.Select(m => m.Id), onB.Messages.Select(m => m.Id));
            Assert.Contains(onA.Messages, m => m.Subject == "Prune last");
            // The newest ones are kept: nothing kept is older than anything the sequence gave later.
            Assert.Equal(onA.Messages.Max(m => m.Id), onA.Messages.Single(m => m.Subject == "Prune last").Id);

            // Search answers each kept message once on both instances (one index row each).
            var found = await a.Http.ListAsync("api/v1/messages?limit=100&q=retention");
            Assert.Equal(Limit, found.Total);
            Assert.Equal(Limit, found.Messages.Select(m => m.Id).Distinct().Count());
            Assert.Equal(Limit, (await b.Http.ListAsync("api/v1/messages?limit=100&q=retention")).Total);

            // The re-indexer of each instance finished without a fault.
            foreach (var host in new[] { a, b })
            {
                var reindexer = host.Services.GetServices<IHostedService>().OfType<SearchReindexer>().Single();
                await reindexer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), Ct);
                Assert.True(reindexer.ExecuteTask.IsCompletedSuccessfully);
            }
        }
        finally
        {
            await cluster.DropDatabaseAsync(url);
        }
    }
}
