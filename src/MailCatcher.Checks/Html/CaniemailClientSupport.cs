namespace MailCatcher.Checks.Html;

/// <summary>How one client (a family on a platform, e.g. Outlook on Windows) supports one feature, in its latest tested version.</summary>
/// <param name="Family">caniemail's family key, e.g. <c>outlook</c>.</param>
/// <param name="Platform">caniemail's platform key, e.g. <c>windows</c>.</param>
/// <param name="NoteNumbers">caniemail's footnotes for that verdict (<c>a #1</c>).</param>
public sealed record CaniemailClientSupport(string Family, string Platform, SupportLevel Level, IReadOnlyList<int> NoteNumbers);
