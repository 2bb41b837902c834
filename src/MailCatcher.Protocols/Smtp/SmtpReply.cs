using System.Text;

namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// One SMTP reply: a three-digit code (RFC 5321 §4.2), an enhanced status code (RFC 3463),
/// and one or more lines of text. Multi-line replies use <c>code-text</c> on every line but the last.
/// </summary>
public sealed record SmtpReply(int Code, string? EnhancedCode, IReadOnlyList<string> Lines)
{
    public SmtpReply(int code, string? enhancedCode, string text)
        : this(code, enhancedCode, [text])
    {
    }

    /// <summary>True for 4xx and 5xx replies, which count towards the session's error limit.</summary>
    public bool IsError => Code >= 400;

    /// <summary>The reply's lines as sent, without their CRLF.</summary>
    public IEnumerable<string> WireLines()
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            var separator = i == Lines.Count - 1 ? ' ' : '-';
            // RFC 2034 §3: the enhanced code prefixes the text of every line.
            yield return EnhancedCode is null
                ? $"{Code}{separator}{Lines[i]}"
                : $"{Code}{separator}{EnhancedCode} {Lines[i]}";
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var line in WireLines())
        {
            builder.Append(line).Append("\r\n");
        }
        return builder.ToString();
    }
}
