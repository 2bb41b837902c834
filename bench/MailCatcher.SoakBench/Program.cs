using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MailCatcher.SoakBench;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.SignalR.Client;
using MimeKit;

// Issue 16 soak: MailCatcher as its own process takes a steady stream of mail with retention
// pruning on, while an IMAP client and a web-UI client (the SignalR hub plus the newest-page API
// call the inbox makes) stay attached. Every interval it records resident memory, database size
// and latencies to a CSV and, at the end, draws them into an SVG.
//   dotnet run -c Release --project bench/MailCatcher.SoakBench -- [--minutes 60] [--rate 200] [--max-messages 10000] [--interval 10] [--out docs/soak]
var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
double Option(string name, double fallback) => options.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
var duration = TimeSpan.FromMinutes(Option("minutes", 60));
var rate = Option("rate", 200);
var maxMessages = (int)Option("max-messages", 10_000);
var interval = TimeSpan.FromSeconds(Option("interval", 10));
var output = options.GetValueOrDefault("out", "docs/soak");
// Each MailKit client waits for every reply, so several share the rate: 16 at 12.5 msg/s each for 200.
var senderCount = Math.Max(1, (int)Math.Ceiling(rate / 12.5));

using var server = await SoakServer.StartAsync(maxMessages);
using var stop = new CancellationTokenSource(duration);
var smtpLatencies = new ConcurrentQueue<double>();
var hubLatencies = new ConcurrentQueue<double>();
var apiLatencies = new ConcurrentQueue<double>();
var imapLatencies = new ConcurrentQueue<double>();
var acknowledgedAt = new ConcurrentDictionary<string, long>();
long sent = 0, failed = 0;

// The web UI: the hub pushes each new message; the latency is from its 250 to the push.
await using var hub = new HubConnectionBuilder().WithUrl($"http://127.0.0.1:{server.HttpPort}/hubs/events").Build();
hub.On<JsonElement>("messageReceived", message =>
{
    if (message.TryGetProperty("subject", out var subject) && acknowledgedAt.TryRemove(subject.GetString() ?? "", out var at))
    {
        hubLatencies.Enqueue(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
    }
});
await hub.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}/") };

var clock = Stopwatch.StartNew();
var senders = Enumerable.Range(0, senderCount).Select(sender => Task.Run(async () =>
{
    using var smtp = new SmtpClient();
    await smtp.ConnectAsync("127.0.0.1", server.SmtpPort, MailKit.Security.SecureSocketOptions.None);
    var period = TimeSpan.FromSeconds(senderCount / rate);
    var body = string.Join("\r\n", Enumerable.Repeat("Your order has shipped; the tracking number and the invoice are below.", 60));
    for (var n = 0; !stop.IsCancellationRequested; n++)
    {
        // An open schedule: a slow reply does not lower the offered rate, later sends catch up.
        var due = period * n;
        if (due > clock.Elapsed)
        {
            try
            {
                await Task.Delay(due - clock.Elapsed, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        var subject = $"soak {sender}-{n}";
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse("shop@example.test"));
        message.To.Add(MailboxAddress.Parse($"customer{n % 100}@example.test"));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await smtp.SendAsync(message);
            acknowledgedAt[subject] = Stopwatch.GetTimestamp();
            smtpLatencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Interlocked.Increment(ref sent);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
        {
            Interlocked.Increment(ref failed);
            Console.Error.WriteLine($"sender {sender}: {e.Message}");
            if (!smtp.IsConnected)
            {
                await smtp.ConnectAsync("127.0.0.1", server.SmtpPort, MailKit.Security.SecureSocketOptions.None);
            }
        }
    }
    await smtp.DisconnectAsync(true);
})).ToList();

// The IMAP client: every 2 s a NOOP (which reports EXISTS and EXPUNGE from pruning) and the newest ten envelopes.
var imapReader = Task.Run(async () =>
{
    using var imap = new ImapClient();
    await imap.ConnectAsync("127.0.0.1", server.ImapPort, MailKit.Security.SecureSocketOptions.None);
    await imap.AuthenticateAsync("soak", "soak");
    await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
    while (!stop.IsCancellationRequested)
    {
        var started = Stopwatch.GetTimestamp();
        await imap.NoOpAsync();
        var count = imap.Inbox.Count;
        if (count > 0)
        {
            await imap.Inbox.FetchAsync(Math.Max(0, count - 10), -1, MessageSummaryItems.Envelope | MessageSummaryItems.UniqueId);
        }
        imapLatencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await Task.Delay(2000, CancellationToken.None);
    }
    await imap.DisconnectAsync(true);
});

// The inbox page the UI loads: the newest 50, once a second.
var pageReader = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync("api/v1/messages?limit=50");
        _ = await response.Content.ReadAsByteArrayAsync();
        apiLatencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await Task.Delay(1000, CancellationToken.None);
    }
});

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var rows = new List<SoakSample>();
var csv = new StringBuilder("seconds,rss_mb,db_mb,sent,failed,smtp_p50_ms,smtp_p99_ms,smtp_max_ms,hub_p50_ms,hub_p99_ms,api_p50_ms,api_max_ms,imap_p50_ms,imap_max_ms,load1\n");
Console.WriteLine($"soak: {rate} msg/s for {duration.TotalMinutes} min, retention {maxMessages:N0}, IMAP and UI clients attached; load average {LoadAverage()}");
while (!stop.IsCancellationRequested)
{
    try
    {
        await Task.Delay(interval, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
    var sample = new SoakSample(clock.Elapsed.TotalSeconds, server.ResidentMegabytes(), server.DatabaseMegabytes(), Interlocked.Read(ref sent), Interlocked.Read(ref failed),
        Drain(smtpLatencies), Drain(hubLatencies), Drain(apiLatencies), Drain(imapLatencies), LoadAverage().Split(' ')[0]);
    rows.Add(sample);
    csv.AppendLine(sample.ToCsv());
    Console.WriteLine(sample.ToCsv());
    await File.WriteAllTextAsync(output + ".csv", csv.ToString());
}
await Task.WhenAll(senders);
await Task.WhenAll(imapReader, pageReader);
await File.WriteAllTextAsync(output + ".svg", SoakPlot.Draw(rows, $"{rate} msg/s, retention {maxMessages:N0}, {duration.TotalMinutes:N0} min"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output}.csv and {output}.svg; {sent:N0} messages acknowledged ({sent / clock.Elapsed.TotalSeconds:N0} msg/s achieved of {rate} offered), {failed:N0} failed"));

static double[] Drain(ConcurrentQueue<double> queue)
{
    var values = new List<double>();
    while (queue.TryDequeue(out var value))
    {
        values.Add(value);
    }
    values.Sort();
    return [.. values];
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
