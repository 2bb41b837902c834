using System.Net.Http.Headers;
using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Security;

/// <summary>A host with UI users and API tokens of both roles, and the credentials to call it with.</summary>
public static class AccessHost
{
    public const string AdminToken = "ci-token-0123456789abcdef";
    public const string ReaderToken = "watch-token-0123456789abcdef";

    public static Task<TestHost> StartAsync(params string[] more) => TestHost.StartAsync(
    [
        "--ui-user", "admin:admin-pass-1",
        "--ui-user", "qa:qa:pass:reader",
        "--api-token", $"ci:{AdminToken}",
        "--api-token", $"watcher:{ReaderToken}:reader",
        .. more,
    ]);

    public static AuthenticationHeaderValue Basic(string name, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>
    /// Calls a route; a long poll that is still waiting after ten seconds counts as admitted (status 0).
    /// Two seconds flaked in CI: a refused Basic log-in waits 500 ms on purpose, and the web tests
    /// share the two cores.
    /// </summary>
    public static async Task<(int Status, HttpResponseMessage? Response)> CallAsync(TestHost host, Route route, AuthenticationHeaderValue? credentials)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path.TrimStart('/'));
        request.Headers.Authorization = credentials;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, response);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return (0, null);
        }
    }
}
