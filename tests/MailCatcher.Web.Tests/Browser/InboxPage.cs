using Microsoft.Playwright;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>What the browser tests look for on the inbox page.</summary>
public static class InboxPage
{
    /// <summary>Opens a UI path and waits for the interactive circuit to have rendered the page.</summary>
    public static async Task OpenAsync(IPage page, int httpPort, string path = "/")
    {
        await page.GotoAsync($"http://127.0.0.1:{httpPort}{path}");
        await page.Locator(".list-actions").WaitForAsync();
    }

    public static ILocator Row(IPage page, string subject) => page.Locator(".row[data-id]").Filter(new() { HasText = subject });

    public static ILocator Rows(IPage page) => page.Locator("#message-list .row[data-id]");

    public static IFrameLocator Preview(IPage page) => page.FrameLocator("iframe[data-testid=html-preview]");
}
