using System.Diagnostics;
using System.Globalization;
using System.Text;
using MailCatcher.SmtpBench;
using MailCatcher.StartupBench;
using MailCatcher.Testing;

// Start-up benchmark (issue 11). Two modes:
//   dotnet run -c Release --project bench/MailCatcher.StartupBench -- [--program PATH] [--runs N] [--messages M]
//       [--ingest-runs K] [--idle-seconds S] [--trace] [--variant LABEL[@PROGRAM][:NAME=VALUE,…]]…
//     starts the published program (build/publish.sh linux-x64) N times, each on a fresh database,
//     and prints the median time from process start to the first 200 from /healthz, and the
//     resident memory S s (default 5) after start; then, K times on a fresh server, the ingest rate
//     and resident memory after M messages (5 KB, 8 connections; default 10,000).
//     Each --variant is one side of an A/B: another program and/or environment variables (runtime
//     knobs: DOTNET_gcServer=1, DOTNET_TieredPGO=1, …). Runs of the variants are interleaved (the
//     order rotates every round), so a shared machine's load falls on all of them alike; ratios
//     are to the first variant. --trace prints the median end of each start-up phase (see
//     src/MailCatcher/Hosting/StartupTrace.cs).
//   … -- --in-process N
//     starts and disposes MailCatcher.Testing's MailCatcherServer N times in this process and
//     prints the median (the first, cold, start is shown apart).
var options = BenchOptions.Parse(args);
if (options.Value("in-process") is { } inProcess)
{
    await InProcessAsync(int.Parse(inProcess, CultureInfo.InvariantCulture));
    return;
}
var program = options.Value("program") ?? "artifacts/publish/linux-x64/mailcatcher";
var runs = options.Number("runs", 10);
var messages = options.Number("messages", 10_000);
var ingestRuns = options.Number("ingest-runs", 1);
var idle = TimeSpan.FromSeconds(options.Number("idle-seconds", 5));
var variants = options.Values("variant") is { Count: > 0 } specs
    ? specs.Select(spec => Variant.Parse(spec, program)).ToList()
    : [Variant.Parse("default", program)];
if (options.Flag("trace"))
{
    variants = [.. variants.Select(v => v with { Environment = new Dictionary<string, string>(v.Environment) { ["MAILCATCHER_STARTUP_TRACE"] = "1" } })];
}
Console.WriteLine($"MailCatcher start-up: {runs} runs of {string.Join(", ", variants.Select(v => $"{v.Label} ({v.Program}{string.Concat(v.Environment.Select(e => $" {e.Key}={e.Value}"))})"))}");
Console.WriteLine($"  {Environment.ProcessorCount} cores, load average {LoadAverage()} at start");

var results = variants.ToDictionary(v => v, _ => new VariantResults());
for (var run = 0; run < runs; run++)
{
    foreach (var variant in Rotate(variants, run))
    {
        await using var server = await Server.StartAsync(variant);
        // S s after start; on a busy machine start-up itself can take longer, then the figure is at once.
        if (idle - server.Clock.Elapsed is { Ticks: > 0 } rest)
        {
            await Task.Delay(rest);
        }
        var result = results[variant];
        result.Startups.Add(server.StartupMilliseconds);
        result.StartupCpu.Add(server.StartupCpuMilliseconds);
        result.Idle.Add(server.ResidentMegabytes());
        foreach (var (phase, at) in server.Phases)
        {
            result.Phase(phase).Add(at);
        }
        Console.WriteLine(Invariant($"  run {run + 1} {variant.Label}: start to /healthz 200 {server.StartupMilliseconds:N0} ms ({server.StartupCpuMilliseconds:N0} ms CPU), RSS at {idle.TotalSeconds:N0} s {result.Idle[^1]:N1} MB"));
    }
}
for (var round = 0; round < (messages > 0 ? ingestRuns : 0); round++)
{
    foreach (var variant in Rotate(variants, round))
    {
        var (rate, resident) = await IngestAsync(variant, messages);
        results[variant].Rates.Add(rate);
        results[variant].Loaded.Add(resident);
        Console.WriteLine(Invariant($"  ingest {round + 1} {variant.Label}: {rate:N0} msg/s, RSS after {messages:N0} messages {resident:N1} MB"));
    }
}

Console.WriteLine($"load average {LoadAverage()} at end");
var baseline = results[variants[0]];
foreach (var variant in variants)
{
    var result = results[variant];
    Console.WriteLine(Invariant($"{variant.Label}: median start to /healthz 200 {Median(result.Startups):N0} ms (range {result.Startups.Min():N0}-{result.Startups.Max():N0}, x{Median(result.Startups) / Median(baseline.Startups):N2}), CPU {Median(result.StartupCpu):N0} ms (x{Median(result.StartupCpu) / Median(baseline.StartupCpu):N2}); median RSS at {idle.TotalSeconds:N0} s {Median(result.Idle):N1} MB (x{Median(result.Idle) / Median(baseline.Idle):N2})"));
    if (result.Rates.Count > 0)
    {
        Console.WriteLine(Invariant($"{variant.Label}: ingest of {messages:N0} messages (5 KB, 8 connections), median of {result.Rates.Count}: {Median(result.Rates):N0} msg/s (x{Median(result.Rates) / Median(baseline.Rates):N2}), RSS after {Median(result.Loaded):N1} MB (x{Median(result.Loaded) / Median(baseline.Loaded):N2})"));
    }
    if (result.Phases.Count > 1)
    {
        Console.WriteLine($"{variant.Label}: median end of each phase, ms after process start: {string.Join(", ", result.Phases.OrderBy(p => Median(p.Value)).Select(p => Invariant($"{p.Key} {Median(p.Value):N0}")))}");
    }
}

static async Task<(double Rate, double Resident)> IngestAsync(Variant variant, int messages)
{
    await using var server = await Server.StartAsync(variant);
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
    return (messages / clock.Elapsed.TotalSeconds, server.ResidentMegabytes());
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
            Console.WriteLine(Invariant($"  {(run == 0 ? "cold" : $"run {run}")}: start {started:N0} ms, dispose {clock.Elapsed.TotalMilliseconds:N0} ms"));
            if (run > 0)
            {
                times.Add(started + clock.Elapsed.TotalMilliseconds);
            }
        }
    }
    Console.WriteLine(Invariant($"MailCatcherServer start + dispose, median of {runs} warm runs: {Median(times):N0} ms (range {times.Min():N0}-{times.Max():N0}); load average {LoadAverage()}"));
}

static IEnumerable<Variant> Rotate(List<Variant> variants, int round) =>
    variants.Skip(round % variants.Count).Concat(variants.Take(round % variants.Count));

static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
