using System.Net;
using System.Net.Http.Json;
using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary>
/// The laptop defaults on every route the host serves: a foreign <c>Host</c> (DNS rebinding) is
/// refused before anything runs, a foreign <c>Origin</c> cannot change state or open the hub or the
/// circuit, and clients that send no <c>Origin</c> (curl, CI) keep working.
/// </summary>
public sealed class HostAndOriginTests : IAsyncLifetime
{
    private TestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        await _host.SendAsync("app@example.com", "bob@example.com", "Keep me", "secret reset link");
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(Route route, Action<HttpRequestMessage> configure, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path.TrimStart('/')) { Content = content };
        configure(request);
        return await _host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
    }

    [Fact]
    public void The_catalog_sees_the_api_the_hub_and_the_circuit()
    {
        var routes = RouteCatalog.All(_host).Select(r => r.ToString()).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", routes));
        Assert.Contains("DELETE /api/v1/messages", routes);
        Assert.Contains("PUT /api/v1/faults", routes);
        Assert.Contains(routes, r => r.StartsWith("POST /hubs/events/negotiate", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("GET /hubs/events", StringComparison.Ordinal));
        Assert.Contains("POST /_blazor/negotiate", routes);
        Assert.Contains("GET /healthz", routes);
    }

    [Fact]
    public async Task A_foreign_host_is_refused_on_every_route_with_421_problem_details()
    {
        foreach (var route in RouteCatalog.All(_host))
        {
            using var response = await SendAsync(route, r => r.Headers.Host = "evil.example", JsonContent.Create(new { }));
            Assert.True(response.StatusCode == HttpStatusCode.MisdirectedRequest, $"{route}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(1, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("LOCALHOST.")]
    public async Task Loopback_names_are_served(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/messages");
        request.Headers.Host = $"{host}:{_host.HttpPort}";
        using var response = await _host.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_foreign_origin_cannot_change_anything_or_open_the_hub_or_the_circuit()
    {
        var guarded = RouteCatalog.All(_host).Where(r => !r.IsSafe || r.Path.StartsWith("/hubs/", StringComparison.Ordinal) || r.Path.StartsWith("/_blazor", StringComparison.Ordinal)).ToList();
        Assert.True(guarded.Count >= 8, string.Join(", ", guarded));
        foreach (var route in guarded)
        {
            foreach (var origin in new[] { "http://evil.example", $"http://localhost:{_host.HttpPort + 1}", "null" })
            {
                using var response = await SendAsync(route, r => r.Headers.Add("Origin", origin), JsonContent.Create(new { rules = Array.Empty<object>() }));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route} from {origin}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.Equal(1, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Fact]
    public async Task Sec_fetch_site_cross_site_without_origin_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "api/v1/messages");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await _host.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Fact]
    public async Task Same_origin_and_no_origin_requests_change_state()
    {
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Put, "api/v1/faults") { Content = JsonContent.Create(new { rules = Array.Empty<object>() }) };
        sameOrigin.Headers.Add("Origin", $"http://127.0.0.1:{_host.HttpPort}");
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        using (var response = await _host.Http.SendAsync(sameOrigin, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var curl = await _host.Http.DeleteAsync("api/v1/messages", Ct);
        Assert.Equal(HttpStatusCode.OK, curl.StatusCode);
        Assert.Equal(0, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Fact]
    public async Task A_cross_origin_read_gets_no_cors_grant()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/messages");
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await _host.Http.SendAsync(request, Ct);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task State_changing_requests_refuse_bodies_that_are_not_json(string contentType)
    {
        foreach (var (method, path) in new[] { ("PUT", "api/v1/faults"), ("DELETE", "api/v1/messages"), ("POST", "api/v1/messages/1/release"), ("PATCH", "api/v1/messages/1") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"rules\":[]}", Encoding.UTF8) };
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            using var response = await _host.Http.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(1, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Fact]
    public async Task An_empty_body_needs_no_content_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "api/v1/messages") { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var response = await _host.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
