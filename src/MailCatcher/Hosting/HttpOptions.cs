namespace MailCatcher.Hosting;

/// <summary>Web UI and API listener settings, bound from the <c>Http</c> section.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; set; } = 1080;

    /// <summary>
    /// Issue 16: how long a client may take to send its request headers before Kestrel answers
    /// 408 and closes, which cuts a slowloris client that drips header bytes. Kestrel's own default.
    /// </summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
