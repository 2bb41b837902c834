using System.Diagnostics;
using System.Globalization;
using System.Text;
using MailCatcher.SmtpBench;
using MailCatcher.StartupBench;
using MailCatcher.Testing;

// Start-up benchmark (issue 11). Two modes:
//   dotnet run -c Release --project bench/MailCatcher.StartupBench -- [--program PATH] [--runs N] [--messages M]
//     starts the published program (build/publish.sh linux-x64) N times, each on a fresh database,
//     and prints the median time from process start to the first 200 from /healthz, and the
//     resident memory 5 s after start; then, on one more fresh server, the resident memory after
//     M messages (5 KB, 8 connections; default 10,000). Environment variables set for this command
//     reach the program, so GC and JIT settings can be compared (DOTNET_GCgen0size=…).
//   … -- --in-process N
//     starts and disposes MailCatcher.Testing's MailCatcherServer N times in this process and
//     prints the median (the first, cold, start is shown apart).
var options = Options(args);
if (options.TryGetValue("in-process", out var inProcess))
{
    await InProcessAsync(int.Parse(inProcess, CultureInfo.InvariantCulture));
    return;
}
var program = Path.GetFullPath(options.GetValueOrDefault("program", "artifacts/publish/linux-x64/mailcatcher"));
var runs = int.Parse(options.GetValueOrDefault("runs", "10"), CultureInfo.InvariantCulture);
var messages = int.Parse(options.GetValueOrDefault("messages", "10000"), CultureInfo.InvariantCulture);
Console.WriteLine($"MailCatcher start-up: {program}, {runs} runs, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

var startups = new List<double>();
var idle = new List<double>();
for (var run = 0; run < runs; run++)
{
    await using var server = await Server.StartAsync(program);
    startups.Add(server.StartupMilliseconds);
    // 5 s after start; on a busy machine start-up itself can take longer, then the figure is at once.
    if (TimeSpan.FromSeconds(5) - server.Clock.Elapsed is { Ticks: > 0 } rest)
    {
        await Task.Delay(rest);
    }
    idle.Add(server.ResidentMegabytes());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run + 1}: start to /healthz 200 {server.StartupMilliseconds:N0} ms, RSS at 5 s {idle[^1]:N1} MB"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median start to /healthz 200: {Median(startups):N0} ms (range {startups.Min():N0}-{startups.Max():N0}); median RSS at 5 s: {Median(idle):N1} MB"));

if (messages > 0)
{
    await using var server = await Server.StartAsync(program);
    var content = Message(5 * 1024);
    var remaining = messages;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
    {
        await using var client = await BenchClient.ConnectAsync(server.SmtpPort);
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            await client.SendAsync(content);
        }
        await client.QuitAsync();
    }));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS after {messages:N0} messages (5 KB, 8 connections, {messages / clock.Elapsed.TotalSeconds:N0} msg/s): {server.ResidentMegabytes():N1} MB"));
}

static async Task InProcessAsync(int runs)
{
    var times = new List<double>();
    for (var run = 0; run <= runs; run++)
    {
        var clock = Stopwatch.StartNew();
        await using (var server = await MailCatcherServer.StartAsync())
        {
            clock.Stop();
            var started = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await server.DisposeAsync();
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(run == 0 ? "cold" : $"run {run}")}: start {started:N0} ms, dispose {clock.Elapsed.TotalMilliseconds:N0} ms"));
            if (run > 0)
            {
                times.Add(started + clock.Elapsed.TotalMilliseconds);
            }
        }
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MailCatcherServer start + dispose, median of {runs} warm runs: {Median(times):N0} ms (range {times.Min():N0}-{times.Max():N0})"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static byte[] Message(int size)
{
    var text = new StringBuilder("From: Bench <bench@example.test>\r\nTo: inbox@example.test\r\nSubject: Start-up bench\r\n\r\n");
    while (text.Length < size)
    {
        text.Append("The quick brown fox jumps over the lazy dog, again and again and again.\r\n");
    }
    return Encoding.ASCII.GetBytes(text.Append(".\r\n").ToString());
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = args[i + 1];
    }
    return options;
}
