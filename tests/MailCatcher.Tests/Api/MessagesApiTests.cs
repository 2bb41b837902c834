using System.Net;
using System.Net.Http.Json;
using System.Text;
using MailCatcher.Core.Events;
using MailCatcher.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Tests.Api;

/// <summary>Every messages endpoint but search and wait, its errors, and the events each change publishes.</summary>
public class MessagesApiTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private readonly List<MailEvent> _events = [];
    private IDisposable? _subscription;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _subscription = _host.Services.GetRequiredService<MailEventBus>().Subscribe(e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _host.DisposeAsync();
    }

    private List<T> Events<T>()
    {
        lock (_events)
        {
            return [.. _events.OfType<T>()];
        }
    }

    private async Task<MessageSummaryDto> SendOneAsync(string subject = "Hello", string text = "Hi there", string? html = null)
    {
        await _host.SendAsync("app@example.com", "user@example.com", subject, text, html);
        var page = await _host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        return page!.Messages.First(m => m.Subject == subject);
    }

    [Fact]
    public async Task Headers_in_order_and_decoded()
    {
        var message = MailSender.Message("app@example.com", "user@example.com", "Grüße aus Köln", "text");
        message.Headers.Add("X-Test", "one");
        await _host.SendAsync(message);
        var id = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages[0].Id;

        var headers = await _host.GetJsonAsync<List<HeaderDto>>($"api/v1/messages/{id}/headers");

        Assert.Contains(new HeaderDto("Subject", "Grüße aus Köln"), headers!);
        var names = headers!.Select(h => h.Name).ToList();
        Assert.True(names.IndexOf("From") < names.IndexOf("X-Test"));
    }

    [Fact]
    public async Task Links_from_html_and_text()
    {
        var summary = await SendOneAsync(
            "Confirm your address",
            "Confirm here: https://app.example.com/confirm?token=abc123\nThanks",
            "<p>Welcome!</p><a href=\"https://app.example.com/confirm?token=abc123\">Confirm my address</a> <a href=\"https://example.com/help\">Help</a>");

        var links = await _host.GetJsonAsync<List<LinkDto>>($"api/v1/messages/{summary.Id}/links");

        Assert.Equal(
            [new LinkDto("https://app.example.com/confirm?token=abc123", "Confirm my address"), new LinkDto("https://example.com/help", "Help")],
            links);
    }

    [Fact]
    public async Task Codes_best_first_with_context()
    {
        var summary = await SendOneAsync("Sign-in attempt", "Order 2026 shipped.\nYour verification code is 482913. It expires soon.");

        var codes = await _host.GetJsonAsync<List<CodeDto>>($"api/v1/messages/{summary.Id}/codes");

        Assert.Equal("482913", codes![0].Code);
        Assert.Contains("verification code is 482913", codes[0].Context, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_without_links_or_codes_gives_empty_lists()
    {
        var summary = await SendOneAsync("Lunch", "See you at noon.");
        Assert.Empty((await _host.GetJsonAsync<List<LinkDto>>($"api/v1/messages/{summary.Id}/links"))!);
        Assert.Empty((await _host.GetJsonAsync<List<CodeDto>>($"api/v1/messages/{summary.Id}/codes"))!);
    }

    [Fact]
    public async Task Patch_marks_read_and_tags_and_publishes_updates()
    {
        var summary = await SendOneAsync();

        var read = await _host.Http.PatchAsJsonAsync($"api/v1/messages/{summary.Id}", new { isRead = true }, Ct);
        var afterRead = await read.Content.ReadFromJsonAsync<MessageSummaryDto>(TestJson.Options, Ct);
        Assert.True(afterRead!.IsRead);
        Assert.Empty(afterRead.Tags);

        var tagged = await _host.Http.PatchAsJsonAsync($"api/v1/messages/{summary.Id}", new { tags = new[] { " ci ", "Signup", "signup" } }, Ct);
        var afterTags = await tagged.Content.ReadFromJsonAsync<MessageSummaryDto>(TestJson.Options, Ct);
        Assert.True(afterTags!.IsRead);
        Assert.Equal(["ci", "Signup"], afterTags.Tags);

        var unread = await _host.Http.PatchAsJsonAsync($"api/v1/messages/{summary.Id}", new { isRead = false, tags = Array.Empty<string>() }, Ct);
        var afterUnread = await unread.Content.ReadFromJsonAsync<MessageSummaryDto>(TestJson.Options, Ct);
        Assert.False(afterUnread!.IsRead);
        Assert.Empty(afterUnread.Tags);

        var page = await _host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        Assert.Equal(1, page!.Unread);
        var updates = Events<MessageUpdated>();
        Assert.Equal(3, updates.Count);
        Assert.True(updates[0].Message.IsRead);
        Assert.Equal(["ci", "Signup"], updates[1].Message.Tags);
        Assert.False(updates[2].Message.IsRead);
    }

    [Fact]
    public async Task A_get_never_changes_state()
    {
        var summary = await SendOneAsync();
        await _host.Http.GetStringAsync($"api/v1/messages/{summary.Id}", Ct);
        await _host.Http.GetStringAsync($"api/v1/messages/{summary.Id}/links", Ct);
        Assert.False((await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages[0].IsRead);
        Assert.Empty(Events<MessageUpdated>());
    }

    [Theory]
    [InlineData("{}", "Nothing to change")]
    [InlineData("{\"tags\":[\"\"]}", "1 to 64 characters")]
    [InlineData("{\"tags\":[\"bad\\u0007tag\"]}", "control characters")]
    public async Task Patch_with_nothing_or_bad_tags_is_400(string body, string reason)
    {
        var summary = await SendOneAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _host.Http.PatchAsync($"api/v1/messages/{summary.Id}", content, Ct);
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task Patch_with_too_many_tags_or_malformed_json_is_400()
    {
        var summary = await SendOneAsync();
        var many = await _host.Http.PatchAsJsonAsync($"api/v1/messages/{summary.Id}", new { tags = Enumerable.Range(0, 51).Select(i => $"t{i}") }, Ct);
        await ApiAssert.ProblemAsync(many, HttpStatusCode.BadRequest, "at most 50 tags");

        using var broken = new StringContent("{\"isRead\": tru", Encoding.UTF8, "application/json");
        var response = await _host.Http.PatchAsync($"api/v1/messages/{summary.Id}", broken, Ct);
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_one_then_it_is_gone_everywhere()
    {
        var keep = await SendOneAsync("keep me", "unique-keeper words");
        var drop = await SendOneAsync("drop me", "unique-dropper words");

        var response = await _host.Http.DeleteAsync($"api/v1/messages/{drop.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ApiAssert.ProblemAsync(await _host.Http.GetAsync($"api/v1/messages/{drop.Id}", Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _host.Http.GetAsync($"api/v1/messages/{drop.Id}/raw", Ct), HttpStatusCode.NotFound);
        Assert.Empty((await _host.SearchAsync("dropper")).Messages);
        Assert.Equal(keep.Id, Assert.Single((await _host.SearchAsync("words")).Messages).Id);
        Assert.Equal([drop.Id], Assert.Single(Events<MessagesDeleted>()).Ids);
        await ApiAssert.ProblemAsync(await _host.Http.DeleteAsync($"api/v1/messages/{drop.Id}", Ct), HttpStatusCode.NotFound, $"no message {drop.Id}");
    }

    [Fact]
    public async Task Delete_by_query_removes_only_the_matches_and_reports_them()
    {
        var a = await SendOneAsync("alpha one", "x");
        var b = await SendOneAsync("alpha two", "x");
        var c = await SendOneAsync("beta", "x");

        var response = await _host.Http.DeleteAsync("api/v1/messages?q=subject%3Aalpha", Ct);
        var result = await response.Content.ReadFromJsonAsync<DeleteResultDto>(TestJson.Options, Ct);

        Assert.Equal(2, result!.Deleted);
        Assert.Equal([a.Id, b.Id], result.Ids);
        Assert.Equal(c.Id, Assert.Single((await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages).Id);
        Assert.Empty((await _host.SearchAsync("alpha")).Messages);
        Assert.Equal([a.Id, b.Id], Assert.Single(Events<MessagesDeleted>()).Ids);
    }

    [Fact]
    public async Task Delete_without_query_removes_everything_and_search_stays_right()
    {
        await SendOneAsync("one", "searchable");
        await SendOneAsync("two", "searchable");

        var result = await (await _host.Http.DeleteAsync("api/v1/messages", Ct)).Content.ReadFromJsonAsync<DeleteResultDto>(TestJson.Options, Ct);

        Assert.Equal(2, result!.Deleted);
        Assert.Equal(0, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
        Assert.Empty((await _host.SearchAsync("searchable")).Messages);
        var again = await SendOneAsync("three", "searchable");
        Assert.Equal(again.Id, Assert.Single((await _host.SearchAsync("searchable")).Messages).Id);
    }

    [Fact]
    public async Task Delete_by_malformed_query_is_400_and_deletes_nothing()
    {
        await SendOneAsync();
        var response = await _host.Http.DeleteAsync("api/v1/messages?q=%22open", Ct);
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "never closed");
        Assert.Equal(1, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Theory]
    [InlineData("GET", "api/v1/messages/999")]
    [InlineData("GET", "api/v1/messages/999/raw")]
    [InlineData("GET", "api/v1/messages/999/headers")]
    [InlineData("GET", "api/v1/messages/999/links")]
    [InlineData("GET", "api/v1/messages/999/codes")]
    [InlineData("DELETE", "api/v1/messages/999")]
    [InlineData("GET", "api/v1/sessions/999")]
    public async Task Unknown_ids_are_404_problems(string method, string path)
    {
        var response = await _host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "999");
    }

    [Fact]
    public async Task Patch_of_unknown_id_is_404()
    {
        var response = await _host.Http.PatchAsJsonAsync("api/v1/messages/999", new { isRead = true }, Ct);
        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "no message 999");
    }

    [Theory]
    [InlineData("api/v1/messages?offset=-1", "offset")]
    [InlineData("api/v1/messages?limit=0", "limit")]
    [InlineData("api/v1/messages?limit=1001", "limit")]
    [InlineData("api/v1/sessions?limit=0", "limit")]
    public async Task Bad_paging_is_400(string path, string reason)
    {
        await ApiAssert.ProblemAsync(await _host.Http.GetAsync(path, Ct), HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task Non_numeric_parameter_is_400_problem()
    {
        var response = await _host.Http.GetAsync("api/v1/messages?limit=lots", Ct);
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sessions_and_info_reflect_the_traffic()
    {
        var summary = await SendOneAsync();
        var sessions = await _host.GetJsonAsync<SessionPageDto>("api/v1/sessions");
        var session = Assert.Single(sessions!.Sessions);
        Assert.Contains(summary.Id, session.MessageIds);
        var detail = await _host.GetJsonAsync<SessionDto>($"api/v1/sessions/{session.Id}");
        Assert.Equal(session.Id, detail!.Id);
        var info = await _host.Http.GetStringAsync("api/v1/info", Ct);
        Assert.Contains("\"messages\":1", info, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("healthz", Ct)).StatusCode);
    }
}
