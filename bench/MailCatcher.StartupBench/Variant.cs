namespace MailCatcher.StartupBench;

/// <summary>
/// One side of an A/B comparison: a label, the program to start and the environment variables it
/// gets (runtime knobs such as <c>DOTNET_gcServer=1</c>). Written <c>LABEL[@PROGRAM][:NAME=VALUE,…]</c>.
/// </summary>
internal sealed record Variant(string Label, string Program, IReadOnlyDictionary<string, string> Environment)
{
    public static Variant Parse(string text, string defaultProgram)
    {
        var (head, settings) = text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            ? (text[..colon], text[(colon + 1)..])
            : (text, "");
        var (label, program) = head.IndexOf('@', StringComparison.Ordinal) is var at and >= 0
            ? (head[..at], head[(at + 1)..])
            : (head, defaultProgram);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in settings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"Variant '{text}': '{setting}' is not NAME=VALUE.", nameof(text));
            }
            environment[setting[..equals]] = setting[(equals + 1)..];
        }
        return new Variant(label, Path.GetFullPath(program), environment);
    }
}
