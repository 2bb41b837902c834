using System.Text;

namespace MailCatcher.CommandLine;

/// <summary>Turns the command line into configuration entries, or asks for help.</summary>
internal static class CommandLineParser
{
    public sealed record Result(IReadOnlyDictionary<string, string?> Settings, bool ShowHelp, bool ShowVersion, string? Error);

    public static Result Parse(IReadOnlyList<string> args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var repeats = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new Result(settings, true, false, null);
            }
            if (arg == "--version")
            {
                return new Result(settings, false, true, null);
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            var flag = CommandLineFlags.All.FirstOrDefault(f => f.Name == name);
            if (flag is null)
            {
                return new Result(settings, false, false, $"Unknown option '{name}'. Run with --help to see every option.");
            }
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (flag.IsSwitch)
            {
                value = "true";
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                return new Result(settings, false, false, $"Option '{name}' needs a value.");
            }
            if (flag.IsRepeatable)
            {
                var index = repeats.GetValueOrDefault(flag.ConfigKey);
                settings[$"{flag.ConfigKey}:{index}"] = value;
                repeats[flag.ConfigKey] = index + 1;
            }
            else
            {
                settings[flag.ConfigKey] = value;
            }
        }
        return new Result(settings, false, false, null);
    }

    public static string HelpText()
    {
        var text = new StringBuilder();
        text.AppendLine("MailCatcher: a fake SMTP server with a web inbox. Accepts every message; relays only what you release.");
        text.AppendLine();
        text.AppendLine("Usage: mailcatcher [options]");
        text.AppendLine("       mailcatcher list|wait|show|delete ... [--url URL]   talk to a running server from a script (each takes --help)");
        text.AppendLine();
        text.AppendLine("Options:");
        var width = CommandLineFlags.All.Max(f => f.Name.Length) + 2;
        foreach (var flag in CommandLineFlags.All)
        {
            var repeat = flag.IsRepeatable ? " (repeatable)" : "";
            text.AppendLine($"  {flag.Name.PadRight(width)}{flag.Help}{repeat}");
            text.AppendLine($"  {"".PadRight(width)}default: {flag.Default}; config key: {flag.ConfigKey}");
        }
        text.AppendLine($"  {"--help".PadRight(width)}Show this help");
        text.AppendLine($"  {"--version".PadRight(width)}Show the version");
        text.AppendLine();
        text.AppendLine("Every option is also a configuration key: set it in appsettings.json, or as an");
        text.AppendLine("environment variable MAILCATCHER_<Section>__<Key> (e.g. MAILCATCHER_Smtp__Port=2525).");
        return text.ToString();
    }
}
