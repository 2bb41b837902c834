using System.Net;
using System.Text;
using MailCatcher.Client;
using MailCatcher.Tests.Infrastructure;
using MimeKit;

namespace MailCatcher.Client.Tests;

/// <summary>The client against a real MailCatcher host, with mail sent by MailKit.</summary>
public sealed class MailCatcherClientTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private MailCatcherClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _client = new MailCatcherClient(_host.Http.BaseAddress!);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Password_reset_flow_send_wait_follow_the_link()
    {
        var since = DateTimeOffset.UtcNow;
        var resetUrl = $"{_host.Http.BaseAddress}healthz?token=s3cr3t";
        var waiting = _client.WaitForMessageAsync("to:ann@example.com subject:reset", TimeSpan.FromSeconds(30), since, Ct);

        await _host.SendAsync("app@example.com", "ann@example.com", "Reset your password",
            $"Reset it here: {resetUrl}", $"<p>Hi Ann,</p><a href=\"{resetUrl}\">Reset my password</a>");
        var message = await waiting;

        Assert.Equal("Reset your password", message.Subject);
        var link = Assert.Single(await _client.GetLinksAsync(message.Id, Ct), l => l.Text == "Reset my password");
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(link.Url, Ct)).StatusCode);
    }

    [Fact]
    public async Task List_search_get_raw_headers_and_codes()
    {
        var message = MailSender.Message("app@example.com", "bob@example.com", "Your code", "Your verification code is 731902.");
        await _host.SendAsync(message);
        await _host.SendAsync("app@example.com", "carol@example.com", "Other", "nothing");

        var all = await _client.ListAsync(cancellationToken: Ct);
        Assert.Equal(2, all.Total);
        var found = Assert.Single((await _client.ListAsync("to:bob@example.com", cancellationToken: Ct)).Messages);
        var detail = await _client.GetAsync(found.Id, Ct);
        Assert.Equal("Your code", detail.Subject);
        Assert.Contains("731902", detail.Text, StringComparison.Ordinal);
        Assert.Equal("bob@example.com", Assert.Single(detail.To).Address);

        var raw = Encoding.UTF8.GetString(await _client.GetRawAsync(found.Id, Ct));
        Assert.Contains("Subject: Your code", raw, StringComparison.Ordinal);
        Assert.Contains(await _client.GetHeadersAsync(found.Id, Ct), h => h.Name == "Subject" && h.Value == "Your code");
        Assert.Equal("731902", (await _client.GetCodesAsync(found.Id, Ct))[0].Code);
        Assert.Single((await _client.ListAsync(offset: 1, limit: 1, cancellationToken: Ct)).Messages);
    }

    [Fact]
    public async Task Update_delete_and_delete_all()
    {
        await _host.SendAsync("app@example.com", "a@example.com", "one", "x");
        await _host.SendAsync("app@example.com", "a@example.com", "two", "x");
        await _host.SendAsync("app@example.com", "a@example.com", "three", "x");
        var ids = (await _client.ListAsync(cancellationToken: Ct)).Messages.ToDictionary(m => m.Subject, m => m.Id);

        var updated = await _client.UpdateAsync(ids["one"], isRead: true, tags: ["ci"], cancellationToken: Ct);
        Assert.True(updated.IsRead);
        Assert.Equal(["ci"], updated.Tags);
        Assert.Equal(["one"], (await _client.ListAsync("tag:ci is:read", cancellationToken: Ct)).Messages.Select(m => m.Subject));

        await _client.DeleteAsync(ids["two"], Ct);
        Assert.Equal(1, await _client.DeleteAllAsync("subject:three", Ct));
        Assert.Equal(1, await _client.DeleteAllAsync(cancellationToken: Ct));
        Assert.Equal(0, (await _client.ListAsync(cancellationToken: Ct)).Total);
    }

    [Fact]
    public async Task Wait_for_several_since_an_id()
    {
        await _host.SendAsync("app@example.com", "a@example.com", "old", "x");
        var old = (await _client.ListAsync(cancellationToken: Ct)).Messages[0];

        var waiting = _client.WaitAsync(null, TimeSpan.FromSeconds(30), old.Id, count: 2, cancellationToken: Ct);
        await _host.SendAsync(
            MailSender.Message("app@example.com", "a@example.com", "new 1", "x"),
            MailSender.Message("app@example.com", "a@example.com", "new 2", "x"));

        Assert.Equal(["new 2", "new 1"], (await waiting).Select(m => m.Subject));
    }

    [Fact]
    public async Task Wait_timeout_is_an_exception_with_the_problem()
    {
        var error = await Assert.ThrowsAsync<MailCatcherApiException>(() => _client.WaitAsync("subject:never", TimeSpan.FromMilliseconds(300), cancellationToken: Ct));
        Assert.True(error.IsTimeout);
        Assert.Equal(408, error.Problem!.Status);
        Assert.StartsWith("408 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_honours_cancellation()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var waiting = _client.WaitAsync("subject:never", TimeSpan.FromSeconds(60), cancellationToken: cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Errors_carry_the_problem_details()
    {
        var missing = await Assert.ThrowsAsync<MailCatcherApiException>(() => _client.GetAsync(424242, Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("There is no message 424242.", missing.Problem!.Detail);
        Assert.Equal("404 Not found: There is no message 424242.", missing.Message);

        var malformed = await Assert.ThrowsAsync<MailCatcherApiException>(() => _client.ListAsync("subject:\"open", cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("never closed", malformed.Problem!.Detail, StringComparison.Ordinal);

        await Assert.ThrowsAsync<MailCatcherApiException>(() => _client.DeleteAsync(424242, Ct));
        await Assert.ThrowsAsync<MailCatcherApiException>(() => _client.GetLinksAsync(424242, Ct));
    }

    [Fact]
    public void Needs_a_base_address()
    {
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new MailCatcherClient(http));
    }
}
