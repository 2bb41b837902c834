using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MailCatcher.Client.Models;

namespace MailCatcher.Client;

/// <summary>
/// A typed client for the MailCatcher REST API (v1). Thread-safe; keep one per server.
/// Every call takes a <see cref="CancellationToken"/>; an error answer throws
/// <see cref="MailCatcherApiException"/> with the server's problem details.
/// </summary>
public sealed partial class MailCatcherClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Where the messages are: every inbox's, or one inbox's (<see cref="Inbox(string, string?)"/>).</summary>
    private readonly string _messages = "api/v1/messages";

    /// <summary>The inbox's API token, sent as <c>Authorization: Bearer</c> by an inbox's client.</summary>
    private readonly string? _token;

    /// <summary>
    /// A client for the server at <paramref name="baseAddress"/> (e.g. <c>http://127.0.0.1:1080/</c>),
    /// with its own <see cref="HttpClient"/> whose timeout is infinite so that long waits are bounded
    /// by their own timeout and your cancellation token only.
    /// </summary>
    public MailCatcherClient(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _ownsHttp = true;
    }

    /// <summary>
    /// A client for a server with log-in on (<c>--ui-user</c>, <c>--api-token</c>): every request
    /// carries <paramref name="credentials"/>, a token or a user's name and password.
    /// </summary>
    public MailCatcherClient(Uri baseAddress, MailCatcherCredentials credentials)
        : this(baseAddress)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _http.DefaultRequestHeaders.Authorization = credentials.Header;
    }

    /// <summary>
    /// A client over your <see cref="HttpClient"/>, whose <see cref="HttpClient.BaseAddress"/> is the
    /// server (e.g. from <c>IHttpClientFactory</c>). Its <see cref="HttpClient.Timeout"/> must exceed
    /// the longest wait you make. It is not disposed with this client.
    /// </summary>
    public MailCatcherClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the MailCatcher server, e.g. http://127.0.0.1:1080/.", nameof(httpClient));
        }
        _http = httpClient;
    }

    /// <summary>Lists messages newest first, optionally only those matching a search (<c>from:app@example.com is:unread</c>).</summary>
    public Task<MessagePage> ListAsync(string? query = null, int offset = 0, int limit = 50, CancellationToken cancellationToken = default)
        => GetJsonAsync<MessagePage>(_messages + Query(("q", query), ("offset", Number(offset)), ("limit", Number(limit))), cancellationToken);

    /// <summary>One message in full.</summary>
    public Task<MessageDetail> GetAsync(long id, CancellationToken cancellationToken = default)
        => GetJsonAsync<MessageDetail>($"{_messages}/{Number(id)}", cancellationToken);

    /// <summary>The message's exact bytes as received.</summary>
    public Task<byte[]> GetRawAsync(long id, CancellationToken cancellationToken = default)
        => GetBytesAsync($"{_messages}/{Number(id)}/raw", cancellationToken);

    /// <summary>The HTML body as the server serves it (<c>cid:</c> references rewritten to part URLs).</summary>
    public Task<string> GetHtmlAsync(long id, CancellationToken cancellationToken = default)
        => GetStringAsync($"{_messages}/{Number(id)}/html", cancellationToken);

    /// <summary>The text body (or a text rendering of the HTML when there is none).</summary>
    public Task<string> GetTextAsync(long id, CancellationToken cancellationToken = default)
        => GetStringAsync($"{_messages}/{Number(id)}/text", cancellationToken);

    /// <summary>The header fields in order, decoded.</summary>
    public Task<IReadOnlyList<HeaderField>> GetHeadersAsync(long id, CancellationToken cancellationToken = default)
        => GetJsonAsync<IReadOnlyList<HeaderField>>($"{_messages}/{Number(id)}/headers", cancellationToken);

    /// <summary>Every link in the HTML and text bodies with its text.</summary>
    public Task<IReadOnlyList<MessageLink>> GetLinksAsync(long id, CancellationToken cancellationToken = default)
        => GetJsonAsync<IReadOnlyList<MessageLink>>($"{_messages}/{Number(id)}/links", cancellationToken);

    /// <summary>The likely one-time codes in the message, best first.</summary>
    public Task<IReadOnlyList<OneTimeCode>> GetCodesAsync(long id, CancellationToken cancellationToken = default)
        => GetJsonAsync<IReadOnlyList<OneTimeCode>>($"{_messages}/{Number(id)}/codes", cancellationToken);

    /// <summary>One MIME part (an attachment or inline image) by its <see cref="Attachment.PartId"/>, decoded.</summary>
    public async Task<MessagePart> GetPartAsync(long id, string partId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partId);
        using var response = await SendAsync(HttpMethod.Get, $"{_messages}/{Number(id)}/parts/{Uri.EscapeDataString(partId)}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new MessagePart(response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), content);
    }

    /// <summary>Marks a message read or unread and/or replaces its tags; returns the updated summary.</summary>
    public async Task<MessageSummary> UpdateAsync(long id, bool? isRead = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        var body = JsonContent.Create(new { isRead, tags = tags?.ToArray() }, options: new JsonSerializerOptions(Json) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });
        using var response = await SendAsync(HttpMethod.Patch, $"{_messages}/{Number(id)}", body, cancellationToken);
        return await ReadJsonAsync<MessageSummary>(response, cancellationToken);
    }

    /// <summary>Deletes one message.</summary>
    public async Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"{_messages}/{Number(id)}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Deletes every message, or every message matching <paramref name="query"/>; returns how many.</summary>
    public async Task<int> DeleteAllAsync(string? query = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, _messages + Query(("q", query)), null, cancellationToken);
        return (await ReadJsonAsync<DeleteResult>(response, cancellationToken)).Deleted;
    }

    /// <summary>
    /// Waits on the server until <paramref name="count"/> messages match <paramref name="query"/>
    /// (received after <paramref name="since"/>, when given) and returns the newest <paramref name="count"/>
    /// of them. The server wakes the call as the message arrives. Throws
    /// <see cref="MailCatcherApiException"/> with <see cref="MailCatcherApiException.IsTimeout"/> when
    /// <paramref name="timeout"/> (default 30 s, at most 5 min) passes first.
    /// </summary>
    public Task<IReadOnlyList<MessageSummary>> WaitAsync(string? query = null, TimeSpan? timeout = null, DateTimeOffset? since = null, int count = 1, CancellationToken cancellationToken = default)
        => WaitCoreAsync(query, timeout, since?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), count, cancellationToken);

    /// <summary>As <see cref="WaitAsync(string?, TimeSpan?, DateTimeOffset?, int, CancellationToken)"/>, counting only messages after the message <paramref name="sinceId"/>.</summary>
    public Task<IReadOnlyList<MessageSummary>> WaitAsync(string? query, TimeSpan? timeout, long sinceId, int count = 1, CancellationToken cancellationToken = default)
        => WaitCoreAsync(query, timeout, Number(sinceId), count, cancellationToken);

    /// <summary>Waits for one message matching <paramref name="query"/> and returns it.</summary>
    public async Task<MessageSummary> WaitForMessageAsync(string? query = null, TimeSpan? timeout = null, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
        => (await WaitAsync(query, timeout, since, 1, cancellationToken))[0];

    /// <summary>
    /// Stores <paramref name="message"/> on the server as if it had arrived over SMTP
    /// (<c>POST /api/v1/send</c>) and returns its id. Bcc recipients are in the envelope only.
    /// </summary>
    public async Task<long> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new
        {
            message.From,
            message.To,
            message.Cc,
            message.Bcc,
            message.Subject,
            message.Text,
            message.Html,
            Attachments = message.Attachments.Select(a => new { a.Name, a.ContentType, Content = Convert.ToBase64String(a.Content), a.ContentId }).ToArray(),
            message.Headers,
        };
        using var response = await _http.PostAsync(new Uri("api/v1/send", UriKind.Relative), JsonContent.Create(body, options: Json), cancellationToken);
        return (await ReadJsonAsync<SendResult>(response, cancellationToken)).Id;
    }

    /// <summary>
    /// Stores a raw RFC 5322 message as if it had arrived over SMTP and returns its id. The envelope is
    /// <paramref name="from"/> and <paramref name="to"/> when given, else the message's From and To/Cc/Bcc fields.
    /// </summary>
    public async Task<long> SendRawAsync(byte[] message, string? from = null, IEnumerable<string>? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parameters = new List<(string, string?)> { ("from", from) };
        parameters.AddRange((to ?? []).Select(t => ("to", (string?)t)));
        using var content = new ByteArrayContent(message);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        using var response = await _http.PostAsync(new Uri("api/v1/send" + Query([.. parameters]), UriKind.Relative), content, cancellationToken);
        return (await ReadJsonAsync<SendResult>(response, cancellationToken)).Id;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<IReadOnlyList<MessageSummary>> WaitCoreAsync(string? query, TimeSpan? timeout, string? since, int count, CancellationToken cancellationToken)
    {
        var seconds = timeout?.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var path = _messages + "/wait" + Query(("q", query), ("timeout", seconds), ("since", since), ("count", Number(count)));
        return (await GetJsonAsync<WaitResult>(path, cancellationToken)).Messages;
    }

    /// <summary>Every request goes through here, so an inbox's client sends its token with each.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (_token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
        }
        return await _http.SendAsync(request, cancellationToken);
    }

    private async Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await ReadJsonAsync<T>(response, cancellationToken);
    }

    private async Task<string> GetStringAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new MailCatcherApiException(response.StatusCode, new ProblemDetails(null, "Empty answer", (int)response.StatusCode, "The server sent no content."));
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        ProblemDetails? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Json, cancellationToken);
            }
            catch (JsonException)
            {
                // Not problem details after all: the status still says what happened.
            }
        }
        throw new MailCatcherApiException(response.StatusCode, problem);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    private sealed record WaitResult(IReadOnlyList<MessageSummary> Messages);

    private sealed record DeleteResult(int Deleted, IReadOnlyList<long> Ids);

    private sealed record SendResult(long Id, long SessionId);
}
