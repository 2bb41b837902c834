using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Checks;

/// <summary>The checks endpoints end to end: a message in over SMTP, its checks out over HTTP, in the contract's JSON shape.</summary>
public sealed class ChecksApiTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private HttpListener _web = null!;
    private int _webPort;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHost.StartAsync("--checks-allow-private-links");
        (_web, _webPort) = StartWebServer();
    }

    public async ValueTask DisposeAsync()
    {
        _web.Close();
        await _host.DisposeAsync();
    }

    private async Task<long> SendAsync(string subject, string? html)
    {
        await _host.SendAsync("app@example.com", "user@example.com", subject, "text body", html);
        using var page = await GetAsync("api/v1/messages");
        return page.RootElement.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("subject").GetString() == subject).GetProperty("id").GetInt64();
    }

    private async Task<JsonDocument> GetAsync(string path)
    {
        using var response = await _host.Http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Checks_returns_every_offline_check_with_statuses_and_findings()
    {
        var id = await SendAsync("Checks", "<p>Hi</p>\n<video src=\"a.mp4\"></video>\n<img src=\"x.png\">");

        using var checks = await GetAsync($"api/v1/messages/{id}/checks");

        var root = checks.RootElement;
        Assert.Equal(id, root.GetProperty("messageId").GetInt64());
        Assert.Contains(root.GetProperty("status").GetString(), new[] { "pass", "warn", "fail" });
        var html = root.GetProperty("html");
        var video = html.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("what").GetString() == "<video> element");
        Assert.Equal(2, video.GetProperty("line").GetInt32());
        Assert.Contains(video.GetProperty("clients").EnumerateArray(), c => c.GetString() == "Outlook Windows");
        Assert.True(html.GetProperty("clients").GetArrayLength() > 10);
        var alt = root.GetProperty("senderRules").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("what").GetString() == "Image alt text");
        Assert.Equal("warn", alt.GetProperty("severity").GetString());
        Assert.Equal("skipped", root.GetProperty("dkim").GetProperty("status").GetString());
        Assert.True(root.GetProperty("warnings").GetInt32() >= 1);
    }

    [Fact]
    public async Task Checks_of_a_missing_message_is_404_problem_details()
    {
        foreach (var path in new[] { "", "/links", "/spam", "/dkim" })
        {
            using var response = await _host.Http.GetAsync($"api/v1/messages/999999/checks{path}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Spam_is_skipped_with_a_sentence_when_no_spamd_is_configured()
    {
        var id = await SendAsync("Spam off", null);

        using var spam = await GetAsync($"api/v1/messages/{id}/checks/spam");

        Assert.Equal("skipped", spam.RootElement.GetProperty("status").GetString());
        Assert.Contains("--spamassassin", spam.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_are_checked_on_demand_against_a_loopback_server()
    {
        var id = await SendAsync("Links", $"<a href=\"http://127.0.0.1:{_webPort}/ok\">ok</a>\n<a href=\"http://127.0.0.1:{_webPort}/missing\">missing</a>");

        using var links = await GetAsync($"api/v1/messages/{id}/checks/links");

        var reports = links.RootElement.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(2, reports.Count);
        Assert.Equal(200, reports.Single(r => r.GetProperty("url").GetString()!.EndsWith("/ok", StringComparison.Ordinal)).GetProperty("statusCode").GetInt32());
        Assert.Equal(404, reports.Single(r => r.GetProperty("url").GetString()!.EndsWith("/missing", StringComparison.Ordinal)).GetProperty("statusCode").GetInt32());
        Assert.Equal("fail", links.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unreachable_spamd_is_an_error_status_and_the_server_stays_healthy()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var host = await TestHost.StartAsync("--spamassassin", $"127.0.0.1:{port}");
        await host.SendAsync("app@example.com", "user@example.com", "s", "t");

        using var response = await host.Http.GetAsync("api/v1/messages/1/checks/spam", Ct);
        using var spam = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("error", spam.RootElement.GetProperty("status").GetString());
        Assert.Contains("could not be reached", spam.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        using var health = await host.Http.GetAsync("healthz", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_checks_endpoints_are_in_the_OpenAPI_document()
    {
        using var document = await GetAsync("openapi/v1.json");

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/messages/{id}/checks", out _));
        Assert.True(paths.TryGetProperty("/api/v1/messages/{id}/checks/links", out _));
        Assert.True(paths.TryGetProperty("/api/v1/messages/{id}/checks/spam", out _));
        Assert.True(paths.TryGetProperty("/api/v1/messages/{id}/checks/dkim", out _));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        string? Describe(string type, string field) => schemas.GetProperty(type).GetProperty("properties").GetProperty(field).GetProperty("description").GetString();
        Assert.Equal("One sentence to read first.", Describe("SpamCheckResult", "summary"));
        Assert.Equal("How many distinct caniemail features the HTML uses.", Describe("HtmlCheckResult", "featuresUsed"));
        Assert.Equal("What to do about it (null when nothing).", schemas.GetProperty("CheckItem").GetProperty("properties").GetProperty("fix").GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("--dkim-key", "not-a-spec")]
    [InlineData("--spamassassin", "no-port")]
    public async Task A_bad_checks_flag_stops_the_start_with_a_sentence(string flag, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await TestHost.StartAsync(flag, value));

        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
    }

    private static (HttpListener, int) StartWebServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/ok" ? 200 : 404;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
        return (listener, port);
    }
}
