using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MailCatcher.Client.Models;

namespace MailCatcher.Client;

/// <summary>
/// Isolated inboxes (issue 13): a fresh inbox per test is one call, and <see cref="Inbox(string, string?)"/>
/// gives a client with the same methods that sees that inbox only.
/// </summary>
public sealed partial class MailCatcherClient
{
    private MailCatcherClient(HttpClient http, string messages, string? token)
    {
        _http = http;
        _messages = messages;
        _token = token;
    }

    /// <summary>The inbox this client sees; null for a client of every inbox.</summary>
    public string? InboxName { get; private init; }

    /// <summary>
    /// A client of one inbox: <see cref="ListAsync"/>, <see cref="WaitAsync(string?, TimeSpan?, DateTimeOffset?, int, CancellationToken)"/>,
    /// <see cref="DeleteAllAsync"/> and the rest act on that inbox only. Give the inbox's API token
    /// when it has one. It shares this client's connection; disposing it does nothing.
    /// </summary>
    public MailCatcherClient Inbox(string name, string? apiToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new MailCatcherClient(_http, $"api/v1/inboxes/{Uri.EscapeDataString(name)}/messages", apiToken) { InboxName = name };
    }

    /// <summary>A client of the inbox <paramref name="created"/> describes, with its token.</summary>
    public MailCatcherClient Inbox(CreatedInbox created)
    {
        ArgumentNullException.ThrowIfNull(created);
        return Inbox(created.Name, created.ApiToken);
    }

    /// <summary>
    /// Creates an inbox (a random name when <paramref name="name"/> is null) and returns its SMTP
    /// credentials and API token. With <paramref name="timeToLive"/> the server deletes it and its
    /// mail when that passes; <paramref name="maxMessages"/> keeps only its newest messages.
    /// </summary>
    public async Task<CreatedInbox> CreateInboxAsync(string? name = null, TimeSpan? timeToLive = null, int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var body = JsonContent.Create(
            new { name, ttlSeconds = timeToLive?.TotalSeconds, maxMessages },
            options: new JsonSerializerOptions(Json) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });
        using var response = await SendAsync(HttpMethod.Post, "api/v1/inboxes", body, cancellationToken);
        return await ReadJsonAsync<CreatedInbox>(response, cancellationToken);
    }

    /// <summary>Every inbox with its message and unread counts, <c>default</c> first.</summary>
    public async Task<IReadOnlyList<InboxSummary>> ListInboxesAsync(CancellationToken cancellationToken = default)
        => (await GetJsonAsync<InboxList>("api/v1/inboxes", cancellationToken)).Inboxes;

    /// <summary>Deletes an inbox and all its mail (this client's inbox when <paramref name="name"/> is null).</summary>
    public async Task DeleteInboxAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var inbox = name ?? InboxName ?? throw new ArgumentNullException(nameof(name), "Name the inbox, or call this on an inbox's client.");
        using var response = await SendAsync(HttpMethod.Delete, $"api/v1/inboxes/{Uri.EscapeDataString(inbox)}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private sealed record InboxList(IReadOnlyList<InboxSummary> Inboxes);
}
