using System.Net;
using System.Net.Sockets;

namespace MailCatcher.Checks.Tests.Links;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 for link checks: /ok 200, /missing 404, /no-head 405 to HEAD
/// and 200 to GET, /redirect 302 to /ok, /slow answers after 3 s. Counts the requests it got.
/// </summary>
internal sealed class LoopbackWebServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _requests;

    public LoopbackWebServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
        _ = ServeAsync();
    }

    public int Port { get; private set; }

    public int Requests => Volatile.Read(ref _requests);

    public List<string> Methods { get; } = [];

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            lock (Methods)
            {
                Methods.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}");
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        switch (context.Request.Url!.AbsolutePath)
        {
            case "/ok":
                response.StatusCode = 200;
                break;
            case "/no-head":
                response.StatusCode = context.Request.HttpMethod == "HEAD" ? 405 : 200;
                break;
            case "/redirect":
                response.StatusCode = 302;
                response.RedirectLocation = Url("/ok");
                break;
            case "/slow":
                await Task.Delay(3000);
                response.StatusCode = 200;
                break;
            default:
                response.StatusCode = 404;
                break;
        }
        try
        {
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
