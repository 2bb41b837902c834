namespace MailCatcher.Core.Mime;

/// <summary>An HTML body made safe to preview, and how many remote images it holds back.</summary>
public sealed record HtmlPreviewResult(string Html, int BlockedRemoteImages);
