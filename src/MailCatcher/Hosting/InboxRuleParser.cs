using System.Diagnostics.CodeAnalysis;
using MailCatcher.Core.Inboxes;
using MailCatcher.Protocols.Smtp;

namespace MailCatcher.Hosting;

/// <summary>
/// Parses <c>--inbox NAME=PATTERN</c> (issue 13). PATTERN is one of:
/// an address pattern as <c>--smtp-accept-recipient</c> takes it (<c>ann@example.com</c>,
/// <c>*@example.com</c>, <c>/regex/</c>); a bare domain (<c>example.com</c>: every recipient there);
/// a sub-address tag (<c>+job-42</c>: <c>anyone+job-42@anywhere</c>, RFC 5233); or a header,
/// <c>header:X-MailCatcher-Inbox</c> (present) or <c>header:X-Env=staging</c> (its value, a pattern
/// as above). With NAME <c>*</c> a header rule routes to the inbox the header's value names.
/// </summary>
internal static class InboxRuleParser
{
    private const string HeaderPrefix = "header:";

    public static bool TryParse(string text, [NotNullWhen(true)] out InboxRule? rule, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        rule = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"'{text}' is not NAME=PATTERN";
            return false;
        }
        var name = InboxNames.Normalize(text[..equals]);
        var pattern = text[(equals + 1)..].Trim();
        var anyName = name == InboxRule.FromHeaderValue;
        if (!anyName && !InboxNames.IsValid(name))
        {
            error = $"'{name}' is not a valid inbox name (lower-case letters, digits, '.', '-', '_'; at most {InboxNames.MaxLength})";
            return false;
        }
        if (pattern.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseHeader(name, text, pattern[HeaderPrefix.Length..], out rule, out error);
        }
        if (anyName)
        {
            error = $"'{text}': the inbox name * is for header rules (the header's value names the inbox)";
            return false;
        }
        if (pattern.StartsWith('+'))
        {
            var tag = pattern[1..];
            if (tag.Length == 0 || tag.Contains('@', StringComparison.Ordinal))
            {
                error = $"'{text}': a sub-address rule is +TAG";
                return false;
            }
            rule = new InboxRule(name, text, recipient => HasTag(recipient, tag));
            error = null;
            return true;
        }
        var isDomain = !pattern.Contains('@', StringComparison.Ordinal) && !pattern.Contains('*', StringComparison.Ordinal) && !pattern.StartsWith('/');
        if (isDomain)
        {
            rule = new InboxRule(name, text, recipient => recipient.EndsWith("@" + pattern, StringComparison.OrdinalIgnoreCase));
            error = null;
            return true;
        }
        if (!AddressPattern.TryParse(pattern, out var address, out var patternError))
        {
            error = $"'{text}': {patternError}";
            return false;
        }
        rule = new InboxRule(name, text, address.IsMatch);
        error = null;
        return true;
    }

    private static bool TryParseHeader(string name, string text, string header, [NotNullWhen(true)] out InboxRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        var equals = header.IndexOf('=', StringComparison.Ordinal);
        var field = (equals < 0 ? header : header[..equals]).Trim();
        if (field.Length == 0 || !field.All(c => c is > ' ' and < '\x7f' and not ':'))
        {
            // RFC 5322 §3.6.8: a field name is printable US-ASCII except colon.
            error = $"'{text}': header:NAME needs a header field name";
            return false;
        }
        Func<string, bool>? matchesValue = null;
        if (equals >= 0)
        {
            if (!AddressPattern.TryParse(header[(equals + 1)..], out var value, out var valueError))
            {
                error = $"'{text}': {valueError}";
                return false;
            }
            matchesValue = value.IsMatch;
        }
        rule = new InboxRule(name, text, null, field, matchesValue);
        error = null;
        return true;
    }

    /// <summary>RFC 5233: the detail part of <c>user+detail@domain</c>.</summary>
    private static bool HasTag(string recipient, string tag)
    {
        var at = recipient.LastIndexOf('@');
        var local = at < 0 ? recipient : recipient[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && string.Equals(local[(plus + 1)..], tag, StringComparison.OrdinalIgnoreCase);
    }
}
