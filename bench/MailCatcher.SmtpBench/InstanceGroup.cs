namespace MailCatcher.SmtpBench;

/// <summary>
/// Several MailCatcher processes on one shared database (issue 14: instances behind a load
/// balancer); the benchmark spreads its connections over them, as a balancer would.
/// </summary>
internal sealed class InstanceGroup(IReadOnlyList<ServerProcess> instances, string name) : IBenchTarget
{
    public string Name { get; } = name;

    public int SmtpPort => instances[0].SmtpPort;

    public IReadOnlyList<int> SmtpPorts { get; } = [.. instances.Select(i => i.SmtpPort)];

    public static async Task<InstanceGroup> StartAsync(int count, IEnumerable<string> args, string name)
    {
        var instances = new List<ServerProcess>();
        for (var i = 0; i < count; i++)
        {
            instances.Add(await ServerProcess.StartAsync(args, name));
        }
        return new InstanceGroup(instances, name);
    }

    /// <summary>The instances' resident memory added together.</summary>
    public (double Current, double Peak) MemoryMegabytes() => instances
        .Select(i => i.MemoryMegabytes())
        .Aggregate((0.0, 0.0), (sum, m) => (sum.Item1 + m.Current, sum.Item2 + m.Peak));

    public TimeSpan CpuTime() => instances.Aggregate(TimeSpan.Zero, (sum, i) => sum + i.CpuTime());

    public void Dispose()
    {
        foreach (var instance in instances)
        {
            instance.Dispose();
        }
    }
}
