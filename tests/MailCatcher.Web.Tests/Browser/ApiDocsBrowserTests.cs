using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>
/// The API reference (Scalar at <c>api/docs</c>) in a real browser: it loads its script and the
/// OpenAPI document from this host, offline, also under <c>--base-path</c> behind a proxy.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ApiDocsBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/mail/")]
    public async Task The_reference_renders_the_openapi_document_from_this_host(string basePath)
    {
        await using var host = await TestHost.StartAsync(basePath == "/" ? [] : ["--base-path", basePath]);
        var origin = $"http://127.0.0.1:{host.HttpPort}";
        var page = await browser.NewPageAsync();
        var failed = new List<string>();
        var elsewhere = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + basePath, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        // Scalar's script is a few megabytes: on a loaded two-core CI machine its first load took
        // over 15 s, Playwright's default; 90 s only has to catch a page that never comes.
        var patient = TimeSpan.FromSeconds(90).TotalMilliseconds;
        await page.GotoAsync($"{origin}{basePath}api/docs", new() { Timeout = (float)patient, WaitUntil = WaitUntilState.DOMContentLoaded });

        // The sidebar lists the document's tags and operations only once it was fetched and read.
        await Expect(page.Locator("a[href='#tag/inboxes']")).ToBeVisibleAsync(new() { Timeout = (float)patient });
        await Expect(page.Locator("a.endpoint[href='#tag/info/GET/healthz']")).ToBeVisibleAsync(new() { Timeout = (float)patient });
        Assert.Empty(failed);
        Assert.Empty(elsewhere);
    }
}
