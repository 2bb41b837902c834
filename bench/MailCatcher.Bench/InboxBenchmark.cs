using System.Globalization;
using MailCatcher.Core.Search;
using MailCatcher.Hosting;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Bench;

/// <summary>
/// Issue 13: a shared MailCatcher with many isolated inboxes. Seeds N messages over M inboxes
/// (routed by SMTP AUTH user, through the real ingest path) and times what
/// <c>GET /api/v1/inboxes/{inbox}/messages?q=</c> runs in one inbox. Targets: newest page under
/// 20 ms, typical search under 100 ms, at 100 inboxes and 100,000 messages.
/// </summary>
internal static class InboxBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var inboxCount = SearchBenchmark.Option(args, "--inboxes", 100);
        var messages = SearchBenchmark.Option(args, "--messages", 100_000);
        var runs = SearchBenchmark.Option(args, "--runs", 50);
        var keep = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var path = keep ?? Path.Combine(Path.GetTempPath(), $"mailcatcher-bench-inboxes-{Guid.NewGuid():N}.db");

        await using var app = MailCatcherApp.Build(
            ["--db", path, "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--max-messages", "0"],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        var queries = app.Services.GetRequiredService<MailQueries>();
        var inboxes = app.Services.GetRequiredService<InboxDirectory>();
        for (var i = 0; i < inboxCount; i++)
        {
            if (inboxes.Find(Name(i)) is null)
            {
                await inboxes.CreateAsync(Name(i), null, 0, withSecrets: true, CancellationToken.None);
            }
        }
        var stored = (await queries.CountAsync(CancellationToken.None)).Messages;
        if (stored < messages)
        {
            await SearchBenchmark.SeedAsync(app.Services, messages - stored, stored, index => Name(index % inboxCount));
        }
        stored = (await queries.CountAsync(CancellationToken.None)).Messages;
        var target = inboxes.Find(Name(inboxCount / 2))!;
        var inInbox = (await queries.ListInboxAsync(target.Id, 0, 1, CancellationToken.None)).Total;
        Console.WriteLine($"store: {stored:N0} messages in {inboxes.All.Count - 1} inboxes (+ default), {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB at {path}");
        Console.WriteLine($"timed inbox: {target.Name} with {inInbox:N0} messages");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}; {runs} timed runs per query after 3 warm-up runs");
        Console.WriteLine();
        Console.WriteLine($"{"query in one inbox (first page of 50)",-52} {"matches",8} {"median",10} {"p95",10}");

        string[] searches =
        [
            "",
            "invoice",
            "password reset",
            "\"security alert\"",
            "from:domain42.example",
            "subject:receipt is:unread",
            "has:attachment order",
            "account -newsletter",
            "is:unread",
            "in",
        ];
        var failures = await SearchReport.PrintAsync(searches, q =>
        {
            var filter = new MessageFilter(SearchQueryParser.Parse(q), InboxId: target.Id);
            return () => queries.SearchMessagesAsync(filter, 0, 50, CancellationToken.None);
        }, runs);
        if (keep is null)
        {
            await SearchReport.DeleteStoreAsync(app, path);
        }
        return failures == 0 ? 0 : 1;
    }

    private static string Name(int index) => "box-" + index.ToString("000", CultureInfo.InvariantCulture);
}
