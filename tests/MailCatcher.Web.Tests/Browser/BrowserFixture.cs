using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(MailCatcher.Web.Tests.Browser.BrowserFixture))]

namespace MailCatcher.Web.Tests.Browser;

/// <summary>
/// One headless Chromium for the whole test run: Debian's package (<c>apt-get install chromium</c>,
/// which <c>.ci/run</c> does), driven by Playwright for .NET. Playwright's own browser download is
/// not used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return; // Browser tests fail with a clear message in NewPageAsync; the other tests still run.
        }
        // The machine is shared and small: wait up to 15 s for what should take milliseconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context (own storage, own theme) and a page in it, with bounded waits. The
    /// browser's time zone is UTC unless a test says otherwise, so pages (and screenshots) read the
    /// same on every machine.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light, string timezoneId = "UTC")
    {
        if (_browser is null)
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath} (apt-get install chromium).");
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            DeviceScaleFactor = 1,
            TimezoneId = timezoneId,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
