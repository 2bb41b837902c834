using System.Diagnostics;
using System.Globalization;
using MailCatcher.Core.Content;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Sessions;
using MailCatcher.Hosting;
using MailCatcher.Storage.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Bench;

/// <summary>
/// Seeds a store through the real ingest path (MimeKit parse, Brotli, group-commit writer, FTS
/// index) and times what the API's list endpoint runs: <see cref="MailQueries.ListMessagesAsync(string?, int, int, CancellationToken)"/>.
/// Targets (issue 5): first page of a typical search under 100 ms, newest page under 20 ms, at 100,000 messages.
/// </summary>
internal static class SearchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = Option(args, "--messages", 100_000);
        var runs = Option(args, "--runs", 50);
        var keep = StringOption(args, "--db");
        var versus = StringOption(args, "--versus-db");
        var path = keep ?? Path.Combine(Path.GetTempPath(), $"mailcatcher-bench-{Guid.NewGuid():N}.db");

        await using var app = await OpenSeededAsync(path, messages);
        var queries = app.Services.GetRequiredService<MailQueries>();
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}; {runs} timed runs per query after 3 warm-up runs");
        Console.WriteLine();
        int failures;
        if (versus is null)
        {
            Console.WriteLine($"{"query (first page of 50)",-52} {"matches",8} {"median",10} {"p95",10}");
            failures = await SearchReport.PrintAsync(Searches, q => () => queries.ListMessagesAsync(q, 0, 50, CancellationToken.None), runs);
        }
        else
        {
            // Issue 14: the same searches on another database (PostgreSQL), seeded with the same
            // messages, timed query by query beside this one so that load hits both alike.
            await using var other = await OpenSeededAsync(versus, messages);
            var otherQueries = other.Services.GetRequiredService<MailQueries>();
            failures = await SearchReport.PrintSideBySideAsync(Searches,
                ("SQLite", q => () => queries.ListMessagesAsync(q, 0, 50, CancellationToken.None)),
                (new Uri(versus).Scheme, q => () => otherQueries.ListMessagesAsync(q, 0, 50, CancellationToken.None)),
                runs);
        }
        if (keep is null)
        {
            await SearchReport.DeleteStoreAsync(app, path);
        }
        return failures == 0 ? 0 : 1;
    }

    private static readonly string[] Searches =
    [
        "",
        "invoice",
        "password reset",
        "\"security alert\"",
        "from:domain42.example",
        "to:user1234@customer7.test",
        "subject:receipt is:unread",
        "has:attachment order",
        "account -newsletter",
        "kalomi",
        // What the inbox's search box sends while a word is still being typed.
        "in",
        "pas",
    ];

    /// <summary>
    /// Starts a host on <paramref name="store"/> (a SQLite path or a postgres:// URL) and seeds it up
    /// to <paramref name="messages"/>; a store that already holds them is reused as it is.
    /// </summary>
    private static async Task<WebApplication> OpenSeededAsync(string store, int messages)
    {
        var app = MailCatcherApp.Build(
            ["--db", store, "--smtp-port", "0", "--http-port", "0", "--pop3-port", "0", "--imap-port", "0", "--max-messages", "0"],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        var queries = app.Services.GetRequiredService<MailQueries>();
        var stored = (await queries.CountAsync(CancellationToken.None)).Messages;
        if (stored < messages)
        {
            await SeedAsync(app.Services, messages - stored, stored);
        }
        stored = (await queries.CountAsync(CancellationToken.None)).Messages;
        var where = File.Exists(store) ? $"{new FileInfo(store).Length / 1024.0 / 1024.0:0.0} MB at {store}" : new Uri(store).Scheme;
        Console.WriteLine($"store: {stored:N0} messages, {where}");
        return app;
    }

    private static string? StringOption(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    /// <param name="authUser">The SMTP AUTH user of message <c>index</c>, which routes it to that inbox (issue 13); null: none.</param>
    internal static async Task SeedAsync(IServiceProvider services, int count, int offset, Func<int, string?>? authUser = null)
    {
        var sink = services.GetRequiredService<IMessageSink>();
        var sessions = services.GetRequiredService<ISessionRecorder>();
        var clock = Stopwatch.StartNew();
        var sessionId = await sessions.StartAsync(new SessionStart(DateTime.UtcNow, "127.0.0.1:1", "smtp"), CancellationToken.None);
        var facts = new SessionFacts("127.0.0.1:1", "bench", null, null);
        var next = offset - 1;
        var workers = Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount * 2)).Select(async _ =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= offset + count)
                {
                    return;
                }
                // Seeded by the index, so two stores seeded to the same count hold the same messages.
                var (from, to, raw) = new MessageFactory(index).Next(index);
                var content = new SpooledContent();
                content.Write(raw);
                var session = authUser is null ? facts : facts with { AuthenticatedUser = authUser(index) };
                await sink.StoreAsync(new IncomingMessage(sessionId, new Envelope(from, [to]), session, content, DateTime.UtcNow), CancellationToken.None);
                if ((index + 1) % 10_000 == 0)
                {
                    Console.WriteLine($"  seeded {index + 1 - offset:N0} in {clock.Elapsed.TotalSeconds:0} s");
                }
            }
        });
        await Task.WhenAll(workers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count:N0} messages in {clock.Elapsed.TotalSeconds:0.0} s ({count / clock.Elapsed.TotalSeconds:0} msg/s)"));
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
