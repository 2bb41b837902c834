using Microsoft.Playwright;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>What the browser tests look for on the inbox page.</summary>
public static class InboxPage
{
    /// <summary>
    /// Opens a UI path and waits for the interactive circuit to have rendered the page. The first
    /// render of a fresh circuit took over the 15 s default once in a full CI run on two loaded
    /// cores; 60 s here only has to catch a page that never renders.
    /// </summary>
    public static async Task OpenAsync(IPage page, int httpPort, string path = "/")
    {
        const float FirstRender = 60_000;
        await page.GotoAsync($"http://127.0.0.1:{httpPort}{path}", new() { Timeout = FirstRender });
        await page.Locator(".list-actions").WaitForAsync(new() { Timeout = FirstRender });
    }

    public static ILocator Row(IPage page, string subject) => page.Locator(".row[data-id]").Filter(new() { HasText = subject });

    public static ILocator Rows(IPage page) => page.Locator("#message-list .row[data-id]");

    public static IFrameLocator Preview(IPage page) => page.FrameLocator("iframe[data-testid=html-preview]");
}
