using System.Diagnostics.CodeAnalysis;

namespace MailCatcher.Protocols.Smtp;

/// <summary>Parses the arguments of MAIL and RCPT. Pure.</summary>
public static class SmtpPathParser
{
    /// <summary>
    /// RFC 5321 §4.1.1.2 and §4.1.2:
    /// <c>"MAIL FROM:" ("&lt;&gt;" / Reverse-path) [SP Mail-parameters]</c>.
    /// Tolerates a space after the colon and a missing pair of angle brackets, as many servers do.
    /// </summary>
    public static bool TryParseMailFrom(string arguments, [NotNullWhen(true)] out SmtpPath? path, [NotNullWhen(false)] out string? error)
        => TryParse(arguments, "FROM:", allowNullPath: true, out path, out error);

    /// <summary>
    /// RFC 5321 §4.1.1.3: <c>"RCPT TO:" ( "&lt;Postmaster@" Domain "&gt;" / "&lt;Postmaster&gt;" / Forward-path ) [SP Rcpt-parameters]</c>.
    /// </summary>
    public static bool TryParseRcptTo(string arguments, [NotNullWhen(true)] out SmtpPath? path, [NotNullWhen(false)] out string? error)
        => TryParse(arguments, "TO:", allowNullPath: false, out path, out error);

    private static bool TryParse(string arguments, string keyword, bool allowNullPath, [NotNullWhen(true)] out SmtpPath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        if (!arguments.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
        {
            error = $"expected {keyword}<address>";
            return false;
        }
        var rest = arguments.AsSpan(keyword.Length).TrimStart(' ');
        string rawAddress;
        ReadOnlySpan<char> parameterText;
        if (rest.StartsWith("<"))
        {
            var close = FindClosingBracket(rest);
            if (close < 0)
            {
                error = "address has no closing '>'";
                return false;
            }
            rawAddress = rest[1..close].ToString();
            parameterText = rest[(close + 1)..];
            if (!parameterText.IsEmpty && parameterText[0] != ' ')
            {
                error = "expected a space between the address and its parameters";
                return false;
            }
        }
        else
        {
            var space = rest.IndexOf(' ');
            rawAddress = (space < 0 ? rest : rest[..space]).ToString();
            parameterText = space < 0 ? [] : rest[space..];
        }

        if (rawAddress.Length == 0)
        {
            if (!allowNullPath)
            {
                error = "a recipient address is required";
                return false;
            }
        }
        else if (!TryValidateMailbox(StripSourceRoute(rawAddress), allowPostmaster: !allowNullPath, out rawAddress, out error))
        {
            return false;
        }

        if (!TryParseParameters(parameterText, out var parameters, out error))
        {
            return false;
        }
        path = new SmtpPath(rawAddress, parameters);
        error = null;
        return true;
    }

    private static int FindClosingBracket(ReadOnlySpan<char> text)
    {
        var quoted = false;
        for (var i = 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '>' when !quoted:
                    return i;
            }
        }
        return -1;
    }

    /// <summary>RFC 5321 §4.1.2 and Appendix C: a source route (<c>@a,@b:</c>) must be accepted and ignored.</summary>
    private static string StripSourceRoute(string address)
    {
        if (!address.StartsWith('@'))
        {
            return address;
        }
        var colon = address.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? address : address[(colon + 1)..];
    }

    /// <summary>
    /// RFC 5321 §4.1.2 <c>Mailbox = Local-part "@" ( Domain / address-literal )</c>, with RFC 6531
    /// UTF-8 allowed in both parts. Deliberately forgiving about which characters appear,
    /// strict about structure: one unquoted '@', nothing empty, no spaces or controls outside quotes.
    /// </summary>
    private static bool TryValidateMailbox(string mailbox, bool allowPostmaster, out string normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = mailbox;
        if (allowPostmaster && mailbox.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
        {
            error = null;
            return true;
        }
        var at = FindDomainSeparator(mailbox);
        if (at <= 0 || at == mailbox.Length - 1)
        {
            error = $"'{mailbox}' is not an address of the form local-part@domain";
            return false;
        }
        var local = mailbox.AsSpan(0, at);
        var domain = mailbox.AsSpan(at + 1);
        if (!IsValidLocalPart(local))
        {
            error = $"'{mailbox}' has an invalid local part";
            return false;
        }
        if (!IsValidDomain(domain))
        {
            error = $"'{mailbox}' has an invalid domain";
            return false;
        }
        error = null;
        return true;
    }

    private static int FindDomainSeparator(string mailbox)
    {
        var quoted = false;
        var at = -1;
        for (var i = 0; i < mailbox.Length; i++)
        {
            var c = mailbox[i];
            if (c == '\\' && quoted)
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '@' && !quoted)
            {
                if (at >= 0)
                {
                    return -1;
                }
                at = i;
            }
        }
        return quoted ? -1 : at;
    }

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"')
        {
            foreach (var c in local[1..^1])
            {
                if (char.IsControl(c) && c != '\t')
                {
                    return false;
                }
            }
            return true;
        }
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in local)
        {
            if (c <= ' ' || c == 0x7f || "()<>[]:;@\\,\"".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        if (domain[0] == '[')
        {
            // RFC 5321 §4.1.3 address-literal; its contents are not checked further.
            return domain[^1] == ']' && domain.Length > 2;
        }
        if (domain[0] == '.' || domain[^1] == '.' || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in domain)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' || c > 0x7f;
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>RFC 5321 §4.1.2: <c>esmtp-keyword ["=" esmtp-value]</c>, separated by spaces.</summary>
    private static bool TryParseParameters(ReadOnlySpan<char> text, out Dictionary<string, string?> parameters, [NotNullWhen(false)] out string? error)
    {
        parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var range in text.Split(' '))
        {
            var token = text[range];
            if (token.IsEmpty)
            {
                continue;
            }
            var equals = token.IndexOf('=');
            var keyword = (equals < 0 ? token : token[..equals]).ToString().ToUpperInvariant();
            var value = equals < 0 ? null : token[(equals + 1)..].ToString();
            if (keyword.Length == 0 || !keyword.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                error = $"'{token}' is not a valid parameter";
                return false;
            }
            parameters[keyword] = value;
        }
        error = null;
        return true;
    }
}
