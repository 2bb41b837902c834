using MimeKit;

namespace MailCatcher.Checks.SenderRules;

/// <summary>
/// The message-level rules of RFC 5322, RFC 8058 and Gmail's and Yahoo's 2024 bulk-sender
/// requirements that can be checked from the message alone: each rule gives a pass, warn or fail
/// item with a sentence saying why and what to do. What needs the sending infrastructure (SPF,
/// DMARC alignment, spam rates, PTR records) is out of reach and left out.
/// </summary>
public static class SenderRulesCheck
{
    public static CheckResult Check(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var items = new List<CheckItem>();
        items.AddRange(HeaderRules.Check(message));
        items.AddRange(BulkSenderRules.Check(message));
        items.AddRange(ContentRules.Check(message));
        var fails = CheckStatuses.Count(items, CheckSeverity.Fail);
        var warns = CheckStatuses.Count(items, CheckSeverity.Warn);
        var summary = fails + warns == 0
            ? $"All {items.Count} sender rules that can be checked from the message pass."
            : $"{CheckStatuses.Plural(fails, "rule")} failed and {CheckStatuses.Plural(warns, "rule")} warned, of {items.Count} checked.";
        return CheckResult.FromItems(items, summary);
    }
}
