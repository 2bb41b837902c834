using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Web.Tests.Api;

/// <summary>The UI's page and scripts are served by the host itself, from the build output.</summary>
public sealed class StaticAssetsTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_root_serves_the_Blazor_app()
    {
        var response = await _host.Http.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("_framework/blazor.web.js", html);
        Assert.Contains("css/app.css", html);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    [InlineData("/js/app.js", "text/javascript")]
    [InlineData("/js/theme.js", "text/javascript")]
    [InlineData("/js/timezone.js", "text/javascript")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Assets_are_served(string path, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var response = await _host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 100);
    }

    [Fact]
    public async Task A_deep_link_into_the_inbox_is_the_app_too()
    {
        var html = await _host.Http.GetStringAsync("/messages/42?q=hello", TestContext.Current.CancellationToken);
        Assert.Contains("_framework/blazor.web.js", html);
    }
}
