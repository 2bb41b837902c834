using System.Net;
using System.Security.Cryptography;
using MailCatcher.Api;

namespace MailCatcher.Integrations.Webhooks;

/// <summary>One HTTP attempt of one delivery: POST the JSON body, signed when the target has a secret.</summary>
internal sealed class WebhookSender : IDisposable
{
    public const string SignatureHeader = "X-MailCatcher-Signature";
    public const string EventHeader = "X-MailCatcher-Event";
    public const string DeliveryHeader = "X-MailCatcher-Delivery";

    // Redirects are not followed: a webhook URL that moved is a configuration error to show, and
    // following one would re-send a signed body somewhere nobody configured.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    /// <summary>The outcome of one attempt: the status when the receiver answered, an error sentence when it failed.</summary>
    public sealed record Attempt(bool Succeeded, bool Retryable, int? StatusCode, string? Error);

    public async Task<Attempt> SendAsync(WebhookTarget target, long deliveryId, string eventName, byte[] body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd($"MailCatcher/{InfoApi.Version}");
        request.Headers.Add(EventHeader, eventName);
        request.Headers.Add(DeliveryHeader, deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (target.Secret is { } secret)
        {
            request.Headers.Add(SignatureHeader, Sign(secret, body));
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new Attempt(true, false, status, null);
            }
            // 408 and 429 say "later"; 5xx is the receiver's trouble; any other 4xx will not change by retrying.
            var retryable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new Attempt(false, retryable, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(false, true, null, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new Attempt(false, true, null, e.Message);
        }
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body under the secret (the form GitHub's webhooks use).</summary>
    public static string Sign(string secret, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));
    }

    public void Dispose() => _http.Dispose();
}
