using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// Matches a mailbox (or an AUTH user name): an exact address, a wildcard such as
/// <c>*@example.com</c> (<c>*</c> matches any run of characters), or a regular expression
/// written between slashes, <c>/^ops-.*@example\.com$/</c>. Case-insensitive, as domains are
/// (RFC 5321 §2.4) and as nearly every receiving server treats local parts.
/// </summary>
public sealed class AddressPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex? _regex;
    private readonly string? _exact;

    private AddressPattern(string text, Regex? regex, string? exact)
    {
        Text = text;
        _regex = regex;
        _exact = exact;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out AddressPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "an address pattern must not be empty";
            return false;
        }
        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        if (text.Length >= 2 && text[0] == '/' && text[^1] == '/')
        {
            try
            {
                pattern = new AddressPattern(text, new Regex(text[1..^1], Options, MatchTimeout), null);
            }
            catch (ArgumentException e)
            {
                error = $"'{text}' is not a valid regular expression: {e.Message}";
                return false;
            }
        }
        else if (text.Contains('*', StringComparison.Ordinal))
        {
            var wildcard = "^" + Regex.Escape(text).Replace(@"\*", ".*", StringComparison.Ordinal) + "$";
            pattern = new AddressPattern(text, new Regex(wildcard, Options, MatchTimeout), null);
        }
        else
        {
            pattern = new AddressPattern(text, null, text);
        }
        error = null;
        return true;
    }

    public bool IsMatch(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_exact is not null)
        {
            return string.Equals(_exact, address, StringComparison.OrdinalIgnoreCase);
        }
        try
        {
            return _regex!.IsMatch(address);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override string ToString() => Text;
}
