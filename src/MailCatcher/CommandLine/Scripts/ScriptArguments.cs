using System.Globalization;

namespace MailCatcher.CommandLine.Scripts;

/// <summary>
/// The arguments of a script command: positional values, <c>--name value</c> options and
/// switches, with the options every command shares (<c>--url</c>, <c>--token</c>, <c>--json</c>).
/// </summary>
internal sealed class ScriptArguments
{
    public const string DefaultUrl = "http://127.0.0.1:1080/";

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public bool Json => _switches.Contains("--json");

    public bool Help => _switches.Contains("--help");

    /// <summary>Parses <paramref name="args"/>; <paramref name="error"/> says what is wrong, when something is.</summary>
    public static ScriptArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> switches, out string? error)
    {
        var parsed = new ScriptArguments();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? arg[..equals] : arg;
            if (name is "--url" or "--token" || valueOptions.Contains(name))
            {
                if (equals > 0 && name != arg)
                {
                    parsed._options[name] = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    parsed._options[name] = args[++i];
                }
                else
                {
                    error = $"{name} needs a value.";
                    return parsed;
                }
            }
            else if (arg is "--json" or "--help" or "-h" || switches.Contains(arg))
            {
                parsed._switches.Add(arg == "-h" ? "--help" : arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Unknown option '{arg}'.";
                return parsed;
            }
            else
            {
                parsed.Positional.Add(arg);
            }
        }
        return parsed;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Switch(string name) => _switches.Contains(name);

    /// <summary>A whole-number option, or <paramref name="fallback"/>; null with <paramref name="error"/> set when it is not a number in range.</summary>
    public int? Number(string name, int fallback, int min, int max, out string? error)
    {
        error = null;
        if (Option(name) is not { } text)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        error = $"{name} must be a whole number from {min} to {max}; it was '{text}'.";
        return null;
    }

    /// <summary>The server: <c>--url</c>, else <c>MAILCATCHER_URL</c>, else http://127.0.0.1:1080/.</summary>
    public Uri? ServerUrl(ScriptConsole console, out string? error)
    {
        error = null;
        var text = Option("--url") ?? console.Environment("MAILCATCHER_URL") ?? DefaultUrl;
        if (!text.EndsWith('/'))
        {
            text += "/";
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }
        error = $"--url must be an http:// or https:// URL; it was '{text.TrimEnd('/')}'.";
        return null;
    }

    /// <summary>The bearer token: <c>--token</c>, else <c>MAILCATCHER_TOKEN</c>.</summary>
    public string? Token(ScriptConsole console) => Option("--token") ?? console.Environment("MAILCATCHER_TOKEN");
}
