namespace MailCatcher.StartupBench;

/// <summary>What the runs of one variant measured.</summary>
internal sealed class VariantResults
{
    public List<double> Startups { get; } = [];

    public List<double> StartupCpu { get; } = [];

    public List<double> Idle { get; } = [];

    public List<double> Rates { get; } = [];

    public List<double> Loaded { get; } = [];

    public Dictionary<string, List<double>> Phases { get; } = new(StringComparer.Ordinal);

    public List<double> Phase(string name) =>
        Phases.TryGetValue(name, out var values) ? values : Phases[name] = [];
}
