using System.Text.RegularExpressions;
using MailCatcher.Testing;

namespace MailCatcher.Testing.Tests;

/// <summary>
/// The in-process server's web inbox through a project reference (tests/package-consumer has the
/// same test for a project that has MailCatcher.Testing as a package).
/// </summary>
public sealed partial class WebInboxTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inbox_page_and_every_script_and_stylesheet_it_names_are_served()
    {
        await using var server = await MailCatcherServer.StartAsync(cancellationToken: Cancel);
        using var http = new HttpClient { BaseAddress = server.WebAddress };

        var page = await http.GetStringAsync("/", Cancel);
        var assets = AssetReference().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("_framework/blazor.web.js", assets);
        Assert.Contains("css/app.css", assets);
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(asset, Cancel);
            Assert.True(response.IsSuccessStatusCode, $"{asset}: {(int)response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Cancel));
        }
        var blazor = await http.GetStringAsync("_framework/blazor.web.js", Cancel);
        Assert.Contains("Blazor", blazor, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:src|href)=""((?:_framework|js|css)/[^""]+)""")]
    private static partial Regex AssetReference();
}
