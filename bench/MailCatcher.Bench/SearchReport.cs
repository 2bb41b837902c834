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

    /// <summary>
    /// Times each search on two stores, alternating between them query by query, and prints both
    /// medians with the second's ratio to the first. Match counts that differ are flagged: both
    /// stores are seeded with the same messages, so they should give the same answers. Returns how
    /// many medians missed the targets, on either store.
    /// </summary>
    public static async Task<int> PrintSideBySideAsync(IEnumerable<string> searches,
        (string Name, Func<string, Func<Task<MessagePage>>> FirstPage) first,
        (string Name, Func<string, Func<Task<MessagePage>>> FirstPage) second, int runs)
    {
        Console.WriteLine($"{"query (first page of 50)",-36} {"matches",15} {first.Name + " median",17} {second.Name + " median",17} {"ratio",7}");
        var failures = 0;
        foreach (var q in searches)
        {
            var (firstCall, secondCall) = (first.FirstPage(q), second.FirstPage(q));
            var (firstPage, secondPage) = (await firstCall(), await secondCall());
            var (firstMedian, _) = await Latency.MeasureAsync(firstCall, runs);
            var (secondMedian, _) = await Latency.MeasureAsync(secondCall, runs);
            var target = q.Length == 0 ? 20 : 100;
            failures += (firstMedian <= target ? 0 : 1) + (secondMedian <= target ? 0 : 1);
            var matches = firstPage.Total == secondPage.Total ? $"{firstPage.Total:N0}" : $"{firstPage.Total:N0}≠{secondPage.Total:N0}";
            var verdict = firstMedian <= target && secondMedian <= target ? "ok" : $"over {target} ms";
            var label = q.Length == 0 ? "(newest page, no search)" : q;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{label,-36} {matches,15} {Latency.Format(firstMedian),17} {Latency.Format(secondMedian),17} {secondMedian / firstMedian,6:0.00}x  {verdict}"));
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
