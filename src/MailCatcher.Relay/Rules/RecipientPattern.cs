using System.Text.RegularExpressions;

namespace MailCatcher.Relay.Rules;

/// <summary>
/// A recipient pattern for <c>--relay-allow</c> and <c>--relay-auto</c>: a whole address with
/// <c>*</c> (any run of characters) and <c>?</c> (one character) as wildcards, matched without
/// regard to case. A pattern without <c>@</c> names a domain: <c>example.com</c> means
/// <c>*@example.com</c>, <c>*.example.com</c> its subdomains.
/// </summary>
public sealed class RecipientPattern
{
    private readonly Regex _regex;

    public RecipientPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Text = pattern.Trim();
        var glob = Text.Contains('@', StringComparison.Ordinal) ? Text : "*@" + Text;
        var regex = "^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        _regex = new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Text { get; }

    public bool IsMatch(string address) => _regex.IsMatch(address.Trim());

    /// <summary>True when any of <paramref name="patterns"/> matches.</summary>
    public static bool AnyMatch(IEnumerable<RecipientPattern> patterns, string address) => patterns.Any(p => p.IsMatch(address));

    public override string ToString() => Text;
}
