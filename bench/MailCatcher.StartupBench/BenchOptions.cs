using System.Globalization;

namespace MailCatcher.StartupBench;

/// <summary><c>--name value</c> pairs (a name may repeat) and bare <c>--flag</c>s.</summary>
internal sealed class BenchOptions
{
    private static readonly string[] Flags = ["trace"];

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            var value = Flags.Contains(name) ? "true" : i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value.", nameof(args));
            (options._values.TryGetValue(name, out var list) ? list : options._values[name] = []).Add(value);
        }
        return options;
    }

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.ContainsKey(name);
}
