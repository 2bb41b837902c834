using System.Net;
using System.Net.Http.Json;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary>
/// With users and tokens configured, every route the host serves (read from its endpoint data
/// source) is refused without credentials and with wrong ones, admitted with a token, and a
/// reader may look but not change anything. <c>/healthz</c> and the log-in page stay open.
/// </summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await AccessHost.StartAsync();
        await _host.SendAsync("app@example.com", "bob@example.com", "Secret reset link", "https://app.example/reset?token=abc");
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private IEnumerable<Route> Guarded => RouteCatalog.All(_host).Where(r => !RouteCatalog.IsPublic(r) && !r.Pattern.Contains("**", StringComparison.Ordinal));

    private async Task<int> MessageCountAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/messages");
        request.Headers.Authorization = AccessHost.Bearer(AccessHost.AdminToken);
        using var response = await _host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessagePageDto>(TestJson.Options, TestContext.Current.CancellationToken))!.Total;
    }

    [Fact]
    public async Task Every_route_answers_401_problem_details_without_credentials()
    {
        foreach (var route in Guarded)
        {
            var (status, response) = await AccessHost.CallAsync(_host, route, null);
            using (response)
            {
                Assert.True(status == 401, $"{route}: {status}");
                Assert.Equal("application/problem+json", response!.Content.Headers.ContentType?.MediaType);
                Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
            }
        }
        Assert.Equal(1, await MessageCountAsync());
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("nobody", "admin-pass-1")]
    [InlineData("qa", "qa")]
    [InlineData("token", "not-a-token-at-all-000000")]
    public async Task Every_route_answers_401_with_wrong_credentials(string name, string password)
    {
        var credentials = name == "token" ? AccessHost.Bearer(password) : AccessHost.Basic(name, password);
        foreach (var route in Guarded)
        {
            var (status, response) = await AccessHost.CallAsync(_host, route, credentials);
            response?.Dispose();
            Assert.True(status == 401, $"{route}: {status}");
        }
        Assert.Equal(1, await MessageCountAsync());
    }

    [Fact]
    public async Task Healthz_and_the_log_in_page_need_no_credentials()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("healthz", TestContext.Current.CancellationToken)).StatusCode);
        var login = await _host.Http.GetAsync("login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("name=\"password\"", await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_may_read_every_route_and_change_none()
    {
        foreach (var credentials in new[] { AccessHost.Basic("qa", "qa:pass"), AccessHost.Bearer(AccessHost.ReaderToken) })
        {
            foreach (var route in Guarded)
            {
                var (status, response) = await AccessHost.CallAsync(_host, route, credentials);
                using (response)
                {
                    var transport = route.Path.StartsWith("/hubs/", StringComparison.Ordinal) || route.Path.StartsWith("/_blazor", StringComparison.Ordinal);
                    if (route.IsSafe || transport)
                    {
                        Assert.True(status is not (401 or 403), $"{credentials.Scheme} reader {route}: {status}");
                    }
                    else
                    {
                        Assert.True(status == 403, $"{credentials.Scheme} reader {route}: {status}");
                        Assert.Equal("application/problem+json", response!.Content.Headers.ContentType?.MediaType);
                    }
                }
            }
        }
        Assert.Equal(1, await MessageCountAsync());
    }

    [Fact]
    public async Task An_admin_token_and_admin_basic_credentials_are_admitted_everywhere()
    {
        foreach (var credentials in new[] { AccessHost.Bearer(AccessHost.AdminToken), AccessHost.Basic("admin", "admin-pass-1") })
        {
            foreach (var route in Guarded)
            {
                var (status, response) = await AccessHost.CallAsync(_host, route, credentials);
                response?.Dispose();
                Assert.True(status is not (401 or 403), $"{credentials.Scheme} admin {route}: {status}");
            }
        }
        Assert.Equal(0, await MessageCountAsync()); // DELETE /api/v1/messages was among the routes
    }

    [Fact]
    public async Task A_browser_opening_a_page_is_sent_to_the_log_in_page()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _host.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "messages/1?q=x");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await browser.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fmessages%2F1%3Fq%3Dx", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_hub_takes_a_token_in_the_header_or_the_query_string()
    {
        async Task<HttpStatusCode> NegotiateAsync(string query, System.Net.Http.Headers.AuthenticationHeaderValue? credentials)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "hubs/events/negotiate?negotiateVersion=1" + query);
            request.Headers.Authorization = credentials;
            using var response = await _host.Http.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync("", null));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("", AccessHost.Bearer(AccessHost.ReaderToken)));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("&access_token=" + AccessHost.AdminToken, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync("&access_token=wrong-token-0000000000", null));
    }
}
