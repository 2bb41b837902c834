using System.Diagnostics.CodeAnalysis;

namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// Which recipients exist, as a receiving server that checks its users would know. With no
/// rules every recipient is accepted (the capture tool's normal mode); with rules, RCPT to any
/// other address is answered 550 5.1.1 (RFC 5321 §4.2.2, RFC 3463 §3.2 "Bad destination mailbox address").
/// </summary>
public sealed class RecipientRules
{
    private readonly IReadOnlyList<AddressPattern> _patterns;

    private RecipientRules(IReadOnlyList<AddressPattern> patterns) => _patterns = patterns;

    public static RecipientRules AcceptAll { get; } = new([]);

    public IReadOnlyList<AddressPattern> Patterns => _patterns;

    public static bool TryCreate(IEnumerable<string> patterns, [NotNullWhen(true)] out RecipientRules? rules, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var parsed = new List<AddressPattern>();
        foreach (var text in patterns)
        {
            if (!AddressPattern.TryParse(text, out var pattern, out error))
            {
                rules = null;
                return false;
            }
            parsed.Add(pattern);
        }
        rules = new RecipientRules(parsed);
        error = null;
        return true;
    }

    public bool Accepts(string address) => _patterns.Count == 0 || _patterns.Any(p => p.IsMatch(address));
}
