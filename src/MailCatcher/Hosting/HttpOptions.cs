namespace MailCatcher.Hosting;

/// <summary>Web UI and API listener settings, bound from the <c>Http</c> section.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; set; } = 1080;
}
