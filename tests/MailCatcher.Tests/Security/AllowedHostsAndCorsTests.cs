using System.Net;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary><c>--http-allowed-hosts</c> adds names (or turns the check off); <c>--http-cors-origin</c> grants named origins only.</summary>
public sealed class AllowedHostsAndCorsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpStatusCode> GetWithHostAsync(TestHost host, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/info");
        request.Headers.Host = name;
        using var response = await host.Http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task Named_hosts_and_subdomain_patterns_are_added_to_the_loopback_names()
    {
        await using var host = await TestHost.StartAsync("--http-allowed-hosts", "mail.example.com", "--http-allowed-hosts", "*.dev.example");

        Assert.Equal(HttpStatusCode.OK, await GetWithHostAsync(host, "mail.example.com"));
        Assert.Equal(HttpStatusCode.OK, await GetWithHostAsync(host, "Mail.Example.Com:8443"));
        Assert.Equal(HttpStatusCode.OK, await GetWithHostAsync(host, "team.dev.example"));
        Assert.Equal(HttpStatusCode.OK, await GetWithHostAsync(host, "localhost"));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, await GetWithHostAsync(host, "example.com"));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, await GetWithHostAsync(host, "mail.example.com.evil.example"));
    }

    [Fact]
    public async Task A_star_turns_the_check_off()
    {
        await using var host = await TestHost.StartAsync("--http-allowed-hosts", "*");

        Assert.Equal(HttpStatusCode.OK, await GetWithHostAsync(host, "anything.example"));
    }

    [Fact]
    public async Task A_named_cors_origin_may_call_the_api_and_no_other()
    {
        await using var host = await TestHost.StartAsync("--http-cors-origin", "https://app.example.com/");

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/v1/messages");
        preflight.Headers.Add("Origin", "https://app.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        using (var response = await host.Http.SendAsync(preflight, Ct))
        {
            Assert.Equal("https://app.example.com", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "api/v1/messages");
        delete.Headers.Add("Origin", "https://app.example.com");
        using (var response = await host.Http.SendAsync(delete, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("https://app.example.com", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }

        using var other = new HttpRequestMessage(HttpMethod.Options, "api/v1/messages");
        other.Headers.Add("Origin", "https://other.example.com");
        other.Headers.Add("Access-Control-Request-Method", "DELETE");
        using (var response = await host.Http.SendAsync(other, Ct))
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }
}
