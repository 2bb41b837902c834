using MailCatcher.Storage.Queries;
using Microsoft.AspNetCore.Builder;

namespace MailCatcher.Bench;

/// <summary>What the search benchmarks share: the timed table of first pages, and removing a throwaway store.</summary>
internal static class SearchReport
{
    /// <summary>
    /// Times the first page of each search (<paramref name="firstPage"/> makes the call for one
    /// search) and prints a row with its matches, median, p95 and verdict against the targets:
    /// the newest page (the empty search) 20 ms, a search 100 ms. Returns how many missed.
    /// </summary>
    public static async Task<int> PrintAsync(IEnumerable<string> searches, Func<string, Func<Task<MessagePage>>> firstPage, int runs)
    {
        var failures = 0;
        foreach (var q in searches)
        {
            var call = firstPage(q);
            var page = await call();
            var (median, p95) = await Latency.MeasureAsync(call, runs);
            var target = q.Length == 0 ? 20 : 100;
            var verdict = median <= target ? "ok" : $"over {target} ms";
            failures += median <= target ? 0 : 1;
            var label = q.Length == 0 ? "(newest page, no search)" : q;
            Console.WriteLine($"{label,-52} {page.Total,8:N0} {Latency.Format(median)} {Latency.Format(p95)}  {verdict}");
        }
        return failures;
    }

    /// <summary>Stops the host and deletes its SQLite file with the WAL and shared-memory files beside it.</summary>
    public static async Task DeleteStoreAsync(WebApplication app, string path)
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
