using System.Net;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary><c>--http-tls</c>, <c>--base-path</c> and <c>--trusted-proxy</c>: a MailCatcher behind a reverse proxy.</summary>
public sealed class HttpsBasePathAndProxyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Http_tls_serves_the_api_and_the_ui_over_https_without_hsts()
    {
        var folder = Directory.CreateTempSubdirectory("mailcatcher-https-").FullName;
        try
        {
            await using var host = await TestHost.StartAsync(Path.Combine(folder, "mail.db"), "--http-tls", "--tls-self-signed");
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Subject.Contains("MailCatcher", StringComparison.Ordinal) == true };
            using var https = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{host.HttpPort}/") };

            using var info = await https.GetAsync("api/v1/info", Ct);
            Assert.Equal(HttpStatusCode.OK, info.StatusCode);
            Assert.False(info.Headers.Contains("Strict-Transport-Security"));
            Assert.Contains("<base href=\"/\"", await https.GetStringAsync("", Ct), StringComparison.Ordinal);
            await Assert.ThrowsAsync<HttpRequestException>(() => host.Http.GetAsync("api/v1/info", Ct)); // plain HTTP is not spoken
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Http_tls_without_a_certificate_is_a_startup_error()
    {
        var error = await Assert.ThrowsAsync<MailCatcher.Hosting.StartupException>(() => TestHost.StartAsync("--http-tls"));
        Assert.Contains("--http-tls needs a certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_a_base_path_the_page_the_api_and_the_log_in_redirect_carry_it()
    {
        await using var host = await AccessHost.StartAsync("--base-path", "/mail/");

        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = host.Http.BaseAddress };
        using var page = new HttpRequestMessage(HttpMethod.Get, "mail/messages/3");
        page.Headers.Accept.ParseAdd("text/html");
        using var redirect = await browser.SendAsync(page, Ct);
        Assert.Equal("/mail/login?returnUrl=%2Fmail%2Fmessages%2F3", redirect.Headers.Location!.PathAndQuery);

        var login = await browser.GetStringAsync("mail/login", Ct);
        Assert.Contains("<base href=\"/mail/\"", login, StringComparison.Ordinal);

        using var api = new HttpRequestMessage(HttpMethod.Get, "mail/api/v1/info");
        api.Headers.Authorization = AccessHost.Bearer(AccessHost.ReaderToken);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(api, Ct)).StatusCode);

        using var ui = new HttpRequestMessage(HttpMethod.Get, "mail/");
        ui.Headers.Authorization = AccessHost.Bearer(AccessHost.ReaderToken);
        using var uiResponse = await browser.SendAsync(ui, Ct);
        var html = await uiResponse.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<base href=\"/mail/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/", html.Replace("<base href=\"/mail/\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_from_a_trusted_proxy_only()
    {
        static HttpRequestMessage ProxiedDelete()
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, "api/v1/messages");
            request.Headers.Add("X-Forwarded-Host", "mail.example.com");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            request.Headers.Add("Origin", "https://mail.example.com");
            return request;
        }

        await using (var trusting = await TestHost.StartAsync("--trusted-proxy", "127.0.0.1", "--http-allowed-hosts", "mail.example.com"))
        {
            using var request = ProxiedDelete();
            using var response = await trusting.Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the browser's origin is the proxy's public name
        }
        await using (var other = await TestHost.StartAsync("--trusted-proxy", "10.1.2.3", "--http-allowed-hosts", "mail.example.com"))
        {
            using var request = ProxiedDelete();
            using var response = await other.Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // 127.0.0.1 is not the proxy: its headers are not believed
        }
    }

    [Fact]
    public async Task A_bad_trusted_proxy_or_base_path_is_a_startup_error()
    {
        await Assert.ThrowsAsync<MailCatcher.Hosting.StartupException>(() => TestHost.StartAsync("--trusted-proxy", "proxy.example"));
        await Assert.ThrowsAsync<MailCatcher.Hosting.StartupException>(() => TestHost.StartAsync("--base-path", "mail"));
    }
}
