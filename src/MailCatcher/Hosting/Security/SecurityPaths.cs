namespace MailCatcher.Hosting.Security;

/// <summary>
/// The few paths the HTTP security layer treats by name. Everything else is treated by method, so
/// endpoints added later are covered without being listed here.
/// </summary>
internal static class SecurityPaths
{
    /// <summary>SignalR's public hubs: negotiate, WebSocket, server-sent events, long polling.</summary>
    public static readonly PathString Hubs = new("/hubs");

    /// <summary>The Blazor circuit: it streams the whole inbox and carries the UI's writes.</summary>
    public static readonly PathString Blazor = new("/_blazor");

    public static readonly PathString Login = new("/login");

    public static readonly PathString Logout = new("/logout");

    public static readonly PathString Health = new("/healthz");

    /// <summary>The send API (issue 17), which takes a raw message as well as JSON.</summary>
    public static readonly PathString SendApi = new("/api/v1/send");

    /// <summary>Connections that stream mail, whose GET (a WebSocket upgrade) needs the Origin check too.</summary>
    public static bool IsStreaming(PathString path) => path.StartsWithSegments(Hubs) || path.StartsWithSegments(Blazor);

    /// <summary>
    /// Requests whose bodies are not JSON by design: SignalR and Blazor transports (text frames,
    /// <c>sendBeacon</c> on disconnect) and the log-in form, which carries an anti-forgery token.
    /// </summary>
    public static bool HasOwnBodyFormat(PathString path) =>
        IsStreaming(path) || path.StartsWithSegments(Login) || path.StartsWithSegments(Logout);

    /// <summary>GET, HEAD, OPTIONS and TRACE are safe (RFC 9110 §9.2.1): they change nothing.</summary>
    public static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
