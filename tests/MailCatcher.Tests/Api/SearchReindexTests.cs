using MailCatcher.Storage.Database;
using MailCatcher.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MailCatcher.Tests.Api;

/// <summary>
/// A store from before the search index was rebuilt (migration SearchWithoutPrefixIndexes) keeps
/// full-text search of its messages' bodies: the migration queues them and the re-indexer restores them.
/// </summary>
public sealed class SearchReindexTests
{
    private const string PreviousMigration = "20261128140600_MessageSearch";

    [Fact]
    public async Task Bodies_of_messages_stored_before_the_rebuild_are_searchable_again()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // Past the 200-character snippet, which is all a rebuild from SQL alone can index.
        var body = string.Join(' ', Enumerable.Repeat("filler words before the interesting part", 12)) + " zebraquartz appears late";
        var path = Path.Combine(Path.GetTempPath(), $"mailcatcher-test-{Guid.NewGuid():N}.db");
        try
        {
            var before = await TestHost.StartAsync(path, "--max-messages", "0");
            await before.SendAsync("app@example.com", "user@example.com", "Old message", body);
            await before.SendAsync("app@example.com", "user@example.com", "Another old one", "short body");
            await before.StopKeepingDatabaseAsync();

            // Take the store back to the schema of the previous release: the old index, filled from summaries.
            await using (var db = new MailDbContext(new DbContextOptionsBuilder<MailDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options))
            {
                await db.GetService<IMigrator>().MigrateAsync(PreviousMigration, cancellationToken: cancellation);
            }
            Assert.Equal(0L, await ScalarAsync(path, "SELECT count(*) FROM MessageSearch WHERE MessageSearch MATCH 'zebraquartz'"));

            await using var host = await TestHost.StartAsync(path, "--max-messages", "0");
            var found = await WaitForAsync(async () => (await host.SearchAsync("zebraquartz")).Total == 1, cancellation);
            Assert.True(found, "the re-indexer did not restore the old message's body text");
            Assert.Equal(["Old message"], (await host.SearchAsync("zebraquartz")).Messages.Select(m => m.Subject));
            Assert.True(await WaitForAsync(async () => await ScalarAsync(path, "SELECT count(*) FROM SearchReindexQueue") is 0L, cancellation));
            // One index row per message: the restored rows replaced the ones built from summaries.
            Assert.Equal(2L, await ScalarAsync(path, "SELECT count(*) FROM MessageSearch_docsize"));
            Assert.Equal(1, (await host.SearchAsync("\"short body\"")).Total);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100, cancellation);
        }
        return false;
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
