using System.Diagnostics;
using System.Globalization;
using System.Text;
using MailCatcher.SmtpBench;

// SMTP ingest benchmark: starts MailCatcher as a separate process on a temporary database and
// measures durable messages per second (first connect to last 250) and the server's memory.
//   dotnet run -c Release --project bench/MailCatcher.SmtpBench -- [--messages N] [--connections C] [--size BYTES] [--runs R] [--per-connection K] [--large-mb M] [--versus-sink 1]
// --versus-sink 1 runs each scenario against postfix's smtp-sink and MailCatcher in turn and prints the ratio.
// --versus-db URL runs each scenario against MailCatcher on a fresh SQLite file and on that database
// (e.g. postgres://user:pass@127.0.0.1:5432/bench, issue 14) in turn and prints the ratio. The other
// database is not emptied between runs: ingest into a store that grows is what a team server does.
// With --instances N (and --versus-db) it then compares one MailCatcher on that database with N of
// them sharing it, the connections spread over the N (several instances, issue 14).
// Each throughput run first sends up to --warmup N messages (default 2,000) untimed, so that the rate is a
// running server's rather than mostly JIT compilation in a fresh one (--warmup 0 measures from cold).
// With --runs R each scenario runs R times, each against a fresh server, and the median is printed:
// single runs on a shared 2-core machine vary by 10-15%. --per-connection K runs only the scenario
// with K messages per connection. --port P --pid PID sends the load to a server that is already running
// (e.g. under dotnet-trace, to profile where its CPU goes) instead of starting one.
// --versus-build DIR runs each scenario against the MailCatcher.dll in DIR (an earlier build, "before")
// and this bench's own build ("after") in turn and prints the ratio: the A/B for a change to the
// write path. --env NAME=VALUE (repeatable) sets an environment variable for the "after" server
// only, e.g. to try a runtime setting against the same build.
string[] textOptions = ["--versus-db", "--versus-build", "--env"];
var versusDatabase = args.SkipWhile(a => a != "--versus-db").Skip(1).FirstOrDefault();
var versusBuild = args.SkipWhile(a => a != "--versus-build").Skip(1).FirstOrDefault();
var environment = args.Where((a, i) => i > 0 && args[i - 1] == "--env").Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
var options = ParseOptions([.. args.Where((a, i) => !textOptions.Contains(a) && (i == 0 || !textOptions.Contains(args[i - 1])))]);
var messages = options.GetValueOrDefault("messages", 20_000);
var connections = options.GetValueOrDefault("connections", 8);
var size = options.GetValueOrDefault("size", 5 * 1024);
var largeMegabytes = options.GetValueOrDefault("large-mb", 0);
var runs = options.GetValueOrDefault("runs", 1);
WarmupMessages = options.GetValueOrDefault("warmup", 2_000);

Console.WriteLine($"MailCatcher SMTP benchmark on {Environment.ProcessorCount} cores; load average {ProcessStats.LoadAverage()}");
Func<Task<IBenchTarget>> mailCatcher = async () => await ServerProcess.StartAsync(["--max-messages", "0", "--max-message-size", "0"], environment: environment);
Func<Task<IBenchTarget>> sink = async () => await SmtpSinkProcess.StartAsync();
if (options.TryGetValue("port", out var runningPort))
{
    var running = new RunningServer(runningPort, options.GetValueOrDefault("pid", Environment.ProcessId));
    mailCatcher = () => Task.FromResult<IBenchTarget>(running);
}
if (versusDatabase is not null)
{
    Func<Task<IBenchTarget>> other = async () => await ServerProcess.StartAsync(["--max-messages", "0", "--max-message-size", "0", "--db", versusDatabase], "MailCatcher on " + new Uri(versusDatabase).Scheme);
    await CompareAsync($"{messages:N0} x {size:N0} B over {connections} pipelining connections", runs, start => ThroughputAsync(start, messages, connections, size, messages / connections), higherIsBetter: true, ("SQLite", mailCatcher), (new Uri(versusDatabase).Scheme, other));
    await CompareAsync($"{Math.Min(messages, 4_000):N0} x {size:N0} B, one message per connection, {connections} at a time", runs, start => ThroughputAsync(start, Math.Min(messages, 4_000), connections, size, 1), higherIsBetter: true, ("SQLite", mailCatcher), (new Uri(versusDatabase).Scheme, other));
    if (options.GetValueOrDefault("instances", 1) is > 1 and var instances)
    {
        var scheme = new Uri(versusDatabase).Scheme;
        Func<Task<IBenchTarget>> group = async () => await InstanceGroup.StartAsync(instances, ["--max-messages", "0", "--max-message-size", "0", "--db", versusDatabase], $"{instances} x MailCatcher on {scheme}");
        await CompareAsync($"{messages:N0} x {size:N0} B over {connections} pipelining connections", runs, start => ThroughputAsync(start, messages, connections, size, messages / connections), higherIsBetter: true, ($"1 instance on {scheme}", other), ($"{instances} instances on {scheme}", group));
    }
    return;
}
if (versusBuild is not null || environment.Count > 0)
{
    var beforeDirectory = versusBuild ?? AppContext.BaseDirectory;
    Func<Task<IBenchTarget>> before = async () => await ServerProcess.StartAsync(["--max-messages", "0", "--max-message-size", "0"], "before", beforeDirectory);
    var scenarios = options.TryGetValue("per-connection", out var only) ? [only] : new[] { messages / connections, 1 };
    foreach (var perClient in scenarios)
    {
        var count = perClient == 1 ? Math.Min(messages, 4_000) : messages;
        await CompareAsync($"{count:N0} x {size:N0} B over {connections} connections, {perClient} per connection", runs, start => ThroughputAsync(start, count, connections, size, perClient), higherIsBetter: true, ("before", before), ("after", mailCatcher));
    }
    return;
}
if (options.ContainsKey("versus-sink"))
{
    // Issue 16: the same client against postfix's smtp-sink (discards everything) and MailCatcher
    // (durable), runs interleaved so that other load on the machine hits both alike.
    if (largeMegabytes > 0)
    {
        await CompareAsync($"one {largeMegabytes} MB message (seconds, lower is better)", runs, start => LargeMessageAsync(start, largeMegabytes), higherIsBetter: false);
        return;
    }
    await CompareAsync($"{messages:N0} x {size:N0} B over {connections} pipelining connections", runs, start => ThroughputAsync(start, messages, connections, size, messages / connections), higherIsBetter: true);
    await CompareAsync($"{Math.Min(messages, 4_000):N0} x {size:N0} B, one message per connection, {connections} at a time", runs, start => ThroughputAsync(start, Math.Min(messages, 4_000), connections, size, 1), higherIsBetter: true);
    return;
}
if (largeMegabytes > 0)
{
    await LargeMessageAsync(mailCatcher, largeMegabytes);
    return;
}
if (options.TryGetValue("per-connection", out var perConnection))
{
    await RepeatAsync(runs, () => ThroughputAsync(mailCatcher, messages, connections, size, perConnection));
    return;
}
await RepeatAsync(runs, () => ThroughputAsync(mailCatcher, messages, connections, size, messagesPerConnection: messages / connections));
await RepeatAsync(runs, () => ThroughputAsync(mailCatcher, Math.Min(messages, 4_000), connections, size, messagesPerConnection: 1));

Task CompareAsync(string scenario, int runs, Func<Func<Task<IBenchTarget>>, Task<double>> measure, bool higherIsBetter,
    (string Name, Func<Task<IBenchTarget>> Start)? baseline = null, (string Name, Func<Task<IBenchTarget>> Start)? measured = null)
    => CompareTargetsAsync(scenario, runs, measure, higherIsBetter, baseline ?? ("smtp-sink", sink), measured ?? ("MailCatcher", mailCatcher));

static async Task CompareTargetsAsync(string scenario, int runs, Func<Func<Task<IBenchTarget>>, Task<double>> measure, bool higherIsBetter,
    (string Name, Func<Task<IBenchTarget>> Start) baseline, (string Name, Func<Task<IBenchTarget>> Start) measured)
{
    // Interleaved, so that other load on the machine hits both alike. Besides the medians, the
    // median of the per-pair ratios: on a shared machine the load drifts between pairs more than
    // within one, so each pair's ratio is steadier than a ratio of medians.
    var baselineFigures = new List<double>();
    var measuredFigures = new List<double>();
    var pairRatios = new List<double>();
    var (baselineCpu, measuredCpu) = (new List<double>(), new List<double>());
    for (var run = 0; run < runs; run++)
    {
        baselineFigures.Add(await measure(baseline.Start));
        baselineCpu.Add(LastRun.CpuMicrosecondsPerMessage);
        measuredFigures.Add(await measure(measured.Start));
        measuredCpu.Add(LastRun.CpuMicrosecondsPerMessage);
        pairRatios.Add(higherIsBetter ? measuredFigures[^1] / baselineFigures[^1] : baselineFigures[^1] / measuredFigures[^1]);
    }
    var (b, m) = (Median(baselineFigures), Median(measuredFigures));
    var ratio = higherIsBetter ? m / b : b / m;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"== {scenario}, median of {runs}: {baseline.Name} {b:N2}, {measured.Name} {m:N2}; {measured.Name} at {ratio:P0} of {baseline.Name}'s speed, median of pair ratios {Median(pairRatios):P0} (load average {ProcessStats.LoadAverage()})"));
    if (Median(baselineCpu) > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   server CPU per message, median: {baseline.Name} {Median(baselineCpu):N0} us, {measured.Name} {Median(measuredCpu):N0} us (x{Median(measuredCpu) / Median(baselineCpu):N2})"));
    }
}

static double Median(List<double> figures) => figures.Order().ElementAt(figures.Count / 2);

static async Task RepeatAsync(int runs, Func<Task<double>> scenario)
{
    var rates = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        rates.Add(await scenario());
    }
    if (runs > 1)
    {
        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  median of {runs} runs: {rates[runs / 2]:N0} msg/s (range {rates[0]:N0}-{rates[^1]:N0})"));
    }
}

static async Task<double> ThroughputAsync(Func<Task<IBenchTarget>> start, int messages, int connections, int size, int messagesPerConnection)
{
    using var server = await start();
    var content = StuffedMessage(size);
    var before = server.MemoryMegabytes();
    // Not timed: the same load first warms the server up (JIT tiers, thread pool, page cache), so
    // that the figure is a running server's rate rather than mostly its first seconds of compiling.
    await SendAllAsync(Math.Min(messages, WarmupMessages));
    var cpuBefore = server.CpuTime();
    var clock = Stopwatch.StartNew();
    await SendAllAsync(messages);
    clock.Stop();
    var after = server.MemoryMegabytes();
    var cpu = server.CpuTime() - cpuBefore;
    var rate = messages / clock.Elapsed.TotalSeconds;
    LastRun.CpuMicrosecondsPerMessage = cpu.TotalMilliseconds / messages * 1000;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{server.Name}: {messages:N0} x {size:N0} B over {connections} connections, {messagesPerConnection} per connection: {rate:N0} msg/s ({clock.Elapsed.TotalSeconds:N2} s); server CPU {cpu.TotalMilliseconds / messages * 1000:N0} us/msg; server RSS {before.Current:N0} MB -> peak {after.Peak:N0} MB"));
    return rate;

    async Task SendAllAsync(int count)
    {
        var remaining = count;
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var port = server.SmtpPorts[worker % server.SmtpPorts.Count];
            while (Interlocked.Add(ref remaining, -messagesPerConnection) > -messagesPerConnection)
            {
                await using var client = await BenchClient.ConnectAsync(port);
                for (var i = 0; i < messagesPerConnection; i++)
                {
                    await client.SendAsync(content);
                }
                await client.QuitAsync();
            }
        });
        await Task.WhenAll(workers);
    }
}

static async Task<double> LargeMessageAsync(Func<Task<IBenchTarget>> start, int megabytes)
{
    using var server = await start();
    LastRun.CpuMicrosecondsPerMessage = 0;
    var content = StuffedMessage(megabytes * 1024 * 1024);
    var before = server.MemoryMegabytes();
    // The first message to a fresh server also pays for compiling the large-message path (spool
    // file, streamed compression, blob writes); .NET's tiered JIT keeps recompiling hot methods
    // with optimizations over the next few (the second was still 1.4-1.8x slower than the fourth
    // on MailCatcher). The figure compared is what a running server costs: the median of
    // LargeTimed messages after LargeWarmup untimed ones. The first message's time is printed too.
    var cold = await SendTimedAsync();
    for (var i = 0; i < LargeWarmup; i++)
    {
        await SendTimedAsync();
    }
    var timed = new double[LargeTimed];
    for (var i = 0; i < timed.Length; i++)
    {
        timed[i] = await SendTimedAsync();
    }
    Array.Sort(timed);
    var warm = timed[timed.Length / 2];
    var after = server.MemoryMegabytes();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{server.Name}: one {megabytes} MB message: accepted in {warm:N2} s (median of {LargeTimed} after {LargeWarmup + 1} untimed; {cold:N2} s as the first message of a fresh server); server RSS {before.Current:N0} MB before, peak {after.Peak:N0} MB (growth {after.Peak - before.Current:N0} MB)"));
    return warm;

    async Task<double> SendTimedAsync()
    {
        var clock = Stopwatch.StartNew();
        await using (var client = await BenchClient.ConnectAsync(server.SmtpPort))
        {
            await client.SendAsync(content);
            await client.QuitAsync();
        }
        return clock.Elapsed.TotalSeconds;
    }
}

/// <summary>
/// A plausible transactional message of about <paramref name="size"/> bytes: headers and lines of
/// prose from a few hundred common words, as an application's mail would carry (random bytes would
/// make every word unique and measure the search index's worst case instead).
/// </summary>
static byte[] StuffedMessage(int size)
{
    var text = new StringBuilder("From: Bench <bench@example.test>\r\nTo: inbox@example.test\r\nSubject: Your order has shipped\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
    string[] words = ["order", "shipped", "account", "password", "reset", "invoice", "payment", "delivery", "customer", "service",
        "thank", "you", "for", "your", "the", "and", "with", "this", "link", "below", "please", "confirm", "address", "email",
        "support", "team", "today", "tomorrow", "package", "tracking", "number", "details", "receipt", "total", "amount", "due",
        "subscription", "renewal", "welcome", "verify", "code", "security", "alert", "sign", "in", "new", "device", "update"];
    var random = new Random(42);
    var line = new StringBuilder();
    while (text.Length < size - 80)
    {
        line.Clear();
        while (line.Length < 70)
        {
            line.Append(words[random.Next(words.Length)]).Append(' ');
        }
        text.Append(line.ToString().TrimEnd()).Append("\r\n");
    }
    text.Append(".\r\n");
    return Encoding.ASCII.GetBytes(text.ToString());
}

static Dictionary<string, int> ParseOptions(string[] args)
{
    var options = new Dictionary<string, int>();
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    return options;
}

internal static partial class Program
{
    /// <summary>Untimed messages after the first before the large-message figure is taken.</summary>
    private const int LargeWarmup = 3;

    /// <summary>Large messages timed; their median is the figure.</summary>
    private const int LargeTimed = 3;

    /// <summary>Messages sent, untimed, before each throughput run (<c>--warmup N</c>, 0 for none).</summary>
    internal static int WarmupMessages { get; set; } = 2_000;
}
