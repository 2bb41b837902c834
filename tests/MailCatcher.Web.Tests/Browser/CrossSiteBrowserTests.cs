using System.Text.Json;
using MailCatcher.Tests.Infrastructure;
using MailCatcher.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MailCatcher.Web.Tests.Browser;

/// <summary>
/// A page served by a second web server on another loopback origin (<c>http://localhost:P2</c>
/// while MailCatcher is <c>http://127.0.0.1:P1</c>) attacks MailCatcher the ways a real page
/// could: fetch with DELETE, PUT and POST (JSON and text/plain, cors and no-cors), a form POST,
/// a cross-origin read, and WebSockets to the hub and the Blazor circuit. Nothing may change and
/// nothing may be read.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CrossSiteBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _host = null!;
    private WebApplication _attacker = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _attacker = builder.Build();
        _attacker.MapGet("/attack", () => Results.Content(AttackPage($"http://127.0.0.1:{_host.HttpPort}"), "text/html"));
        await _attacker.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _attacker.DisposeAsync();
        await _host.DisposeAsync();
    }

    private int AttackerPort => new Uri(_attacker.Urls.First()).Port;

    [Fact]
    public async Task A_page_on_another_origin_changes_nothing_and_reads_nothing()
    {
        var id = await HostMail.SendAsync(_host, MailSender.Text("Password reset for ann", "reset code 482913"));
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"http://localhost:{AttackerPort}/attack");
        var results = await page.WaitForFunctionAsync("() => window.attackDone && JSON.stringify(window.results)", null, new() { Timeout = 30_000 });
        var outcome = JsonSerializer.Deserialize<Dictionary<string, string>>(await results.JsonValueAsync<string>())!;

        // Every cors-mode request is refused by the server (403, or 415 before it) or blocked by the
        // browser; no-cors and form requests are opaque to the page and must not have acted.
        Assert.Equal("blocked", outcome["read"]);
        Assert.Equal("refused", outcome["hubSocket"]);
        Assert.Equal("refused", outcome["blazorSocket"]);
        Assert.Equal("blocked", outcome["negotiate"]);
        Assert.All(outcome, pair => Assert.DoesNotContain("482913", pair.Value, StringComparison.Ordinal));

        var list = await HostMail.ListAsync(_host);
        Assert.Equal(1, list.Total);
        Assert.Contains(list.Messages, m => m.Id == id && !m.IsRead);
        var faults = await _host.Http.GetStringAsync("api/v1/faults", TestContext.Current.CancellationToken);
        Assert.Contains("\"rules\":[]", faults, StringComparison.Ordinal);
        var outbox = await _host.Http.GetStringAsync("api/v1/outbox", TestContext.Current.CancellationToken);
        Assert.Contains("\"total\":0", outbox, StringComparison.Ordinal);
    }

    /// <summary>The attacker's page: each attempt records "blocked", "refused" or what it got.</summary>
    private static string AttackPage(string target) => $$"""
        <!DOCTYPE html>
        <html><body>
        <iframe name="sink" style="display:none"></iframe>
        <form id="form" method="post" target="sink" action="{{target}}/api/v1/messages/1/release" enctype="text/plain">
          <input name='{"to":["x@evil.example"],"pad":"' value='"}' />
        </form>
        <script>
        window.results = {};
        const target = "{{target}}";
        async function attempt(name, url, init) {
          try {
            const response = await fetch(url, init);
            if (response.type === "opaque") { results[name] = "opaque"; return; }
            const text = await response.text();
            results[name] = response.ok ? "read:" + text.slice(0, 200) : "status:" + response.status;
          } catch (e) { results[name] = "blocked"; }
        }
        function socket(name, url) {
          return new Promise(resolve => {
            const ws = new WebSocket(url);
            const timer = setTimeout(() => { results[name] = "timeout"; resolve(); }, 5000);
            ws.onopen = () => { clearTimeout(timer); results[name] = "open"; ws.close(); resolve(); };
            ws.onerror = () => { clearTimeout(timer); results[name] = "refused"; resolve(); };
          });
        }
        (async () => {
          await attempt("read", target + "/api/v1/messages");
          await attempt("deleteAll", target + "/api/v1/messages", { method: "DELETE" });
          await attempt("deleteAllNoCors", target + "/api/v1/messages", { method: "DELETE", mode: "no-cors" });
          await attempt("putFaultsJson", target + "/api/v1/faults", { method: "PUT", headers: { "Content-Type": "application/json" }, body: '{"rules":[{"stage":"connect","action":"drop"}]}' });
          await attempt("putFaultsText", target + "/api/v1/faults", { method: "PUT", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: '{"rules":[{"stage":"connect","action":"drop"}]}' });
          await attempt("releaseText", target + "/api/v1/messages/1/release", { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: '{"to":["x@evil.example"]}' });
          await attempt("releaseJson", target + "/api/v1/messages/1/release", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"to":["x@evil.example"]}' });
          await attempt("patchRead", target + "/api/v1/messages/1", { method: "PATCH", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: '{"isRead":true}' });
          await attempt("negotiate", target + "/hubs/events/negotiate?negotiateVersion=1", { method: "POST" });
          document.getElementById("form").submit();
          await new Promise(r => setTimeout(r, 1000));
          await socket("hubSocket", target.replace("http", "ws") + "/hubs/events");
          await socket("blazorSocket", target.replace("http", "ws") + "/_blazor");
          window.attackDone = true;
        })();
        </script>
        </body></html>
        """;
}
