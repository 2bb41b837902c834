namespace MailCatcher.Checks.Links;

/// <summary>What a URL is in the message.</summary>
public enum LinkKind
{
    /// <summary>A link a reader follows (<c>&lt;a href&gt;</c>, a URL in the text body).</summary>
    Link,

    /// <summary>An image the client loads (<c>&lt;img src&gt;</c>).</summary>
    Image,
}
