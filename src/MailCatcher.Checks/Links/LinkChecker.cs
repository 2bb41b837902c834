using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace MailCatcher.Checks.Links;

/// <summary>
/// Requests every link and image URL of a message, on demand only: HEAD, then GET when HEAD is
/// refused (405, 501 and others that servers give HEAD wrongly); redirects followed up to 5; each
/// request under a timeout; at most <see cref="LinkCheckOptions.MaxLinks"/> URLs and
/// <see cref="LinkCheckOptions.MaxConcurrency"/> at once. <c>cid:</c> images are looked up among the
/// message's own parts. Connections go only to public addresses unless allowed (see <see cref="AddressPolicy"/>).
/// </summary>
public sealed class LinkChecker : IDisposable
{
    private readonly LinkCheckOptions _options;
    private readonly HttpClient _http;

    public LinkChecker(LinkCheckOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("MailCatcher-LinkCheck/1.0");
    }

    public async Task<LinkCheckResult> CheckAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var found = LinkCollector.Collect(Safe(() => message.HtmlBody), Safe(() => message.TextBody));
        var checkedLinks = found.Take(_options.MaxLinks).ToList();
        using var gate = new SemaphoreSlim(_options.MaxConcurrency);
        var reports = await Task.WhenAll(checkedLinks.Select(async link =>
        {
            if (link.Url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            {
                return CidReport(message, link);
            }
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await RequestAsync(link, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return LinkCheckSummary.From(reports, found.Count - checkedLinks.Count, _options.MaxLinks);
    }

    private static LinkReport CidReport(MimeMessage message, FoundLink link)
    {
        var id = Uri.UnescapeDataString(link.Url[4..]).Trim('<', '>');
        var part = message.BodyParts.FirstOrDefault(p => p.ContentId is { } contentId && contentId.Trim('<', '>').Equals(id, StringComparison.OrdinalIgnoreCase));
        return part is null
            ? new LinkReport(link.Url, link.Kind, link.Line, null, null, null, $"No part of the message has Content-ID <{id}> (RFC 2392), so the image shows broken.", CheckSeverity.Fail, 0)
            : new LinkReport(link.Url, link.Kind, link.Line, null, null, null, null, CheckSeverity.Pass, 0);
    }

    private async Task<LinkReport> RequestAsync(FoundLink link, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!Uri.TryCreate(link.Url, UriKind.Absolute, out var uri))
        {
            return new LinkReport(link.Url, link.Kind, link.Line, null, null, null, "The URL is malformed.", CheckSeverity.Fail, 0);
        }
        try
        {
            var (method, response) = await SendAsync(uri, cancellationToken);
            using (response)
            {
                var status = (int)response.StatusCode;
                var final = response.RequestMessage?.RequestUri is { } end && end != uri ? end.ToString() : null;
                var severity = status is >= 200 and < 400 ? CheckSeverity.Pass : CheckSeverity.Fail;
                return new LinkReport(link.Url, link.Kind, link.Line, method, status, final, severity == CheckSeverity.Pass ? null : $"HTTP {status} {response.ReasonPhrase}", severity, clock.ElapsedMilliseconds);
            }
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            return new LinkReport(link.Url, link.Kind, link.Line, null, null, null, refusal.Message, CheckSeverity.Warn, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new LinkReport(link.Url, link.Kind, link.Line, null, null, null, $"No answer within {_options.Timeout.TotalSeconds:0} seconds.", CheckSeverity.Fail, clock.ElapsedMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return new LinkReport(link.Url, link.Kind, link.Line, null, null, null, e.InnerException?.Message ?? e.Message, CheckSeverity.Fail, clock.ElapsedMilliseconds);
        }
    }

    /// <summary>HEAD first (RFC 9110 §9.3.2: same status as GET, no body); GET when the server will not answer HEAD properly.</summary>
    private async Task<(string Method, HttpResponseMessage Response)> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        using (var head = new HttpRequestMessage(HttpMethod.Head, uri))
        {
            var response = await _http.SendAsync(head, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if ((int)response.StatusCode < 400 || response.StatusCode == HttpStatusCode.NotFound || response.StatusCode == HttpStatusCode.Gone)
            {
                return ("HEAD", response);
            }
            response.Dispose();
        }
        using var get = new HttpRequestMessage(HttpMethod.Get, uri);
        return ("GET", await _http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, deadline.Token));
    }

    /// <summary>Resolves the host and connects only to addresses the policy allows: the check happens on the IP actually dialled.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = _options.AllowPrivateAddresses ? addresses : [.. addresses.Where(a => !AddressPolicy.IsPrivate(a))];
        if (allowed.Length == 0)
        {
            throw new LinkRefusedException($"Not requested: {host} is a private, loopback or link-local address ({string.Join(", ", addresses.Take(3).Select(a => a.ToString()))}); start MailCatcher with --checks-allow-private-links to check such links.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static LinkRefusedException? Refusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is LinkRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }

    private static string? Safe(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
