namespace MailCatcher.Checks.Links;

/// <summary>Turns the reports of a link check into findings, a status and a sentence.</summary>
internal static class LinkCheckSummary
{
    public static LinkCheckResult From(IReadOnlyList<LinkReport> reports, int skipped, int max)
    {
        var items = reports.Where(r => r.Severity != CheckSeverity.Pass).Select(r => new CheckItem(
            r.Severity,
            $"{(r.Kind == LinkKind.Image ? "Image" : "Link")} {r.Url}",
            r.Error ?? "It did not answer.",
            r.Severity == CheckSeverity.Warn ? null : r.Kind == LinkKind.Image ? "Fix the image URL or attach the image with that Content-ID." : "Fix or remove the link.",
            r.Line is { } line ? $"line {line}" : "text body",
            r.Line)).ToList();
        if (skipped > 0)
        {
            items.Add(new CheckItem(CheckSeverity.Warn, "Links not checked", $"The message has {reports.Count + skipped} URLs; only the first {max} were checked.", null));
        }
        if (reports.Count == 0)
        {
            return new LinkCheckResult(CheckStatus.Skipped, "The message has no http, https or cid: links or images to check.", items, reports, skipped);
        }
        var broken = reports.Count(r => r.Severity == CheckSeverity.Fail);
        var refused = reports.Count(r => r.Severity == CheckSeverity.Warn);
        var summary = broken == 0 && refused == 0
            ? $"All {CheckStatuses.Plural(reports.Count, "link and image URL")} answered."
            : $"{broken} of {reports.Count} URLs are broken" + (refused > 0 ? $", {refused} not requested (private address)." : ".");
        return new LinkCheckResult(CheckStatuses.FromItems(items), summary, items, reports, skipped);
    }
}
