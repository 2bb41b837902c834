namespace MailCatcher.Core.Search;

/// <summary>What one search term looks at (design.md, "Search language").</summary>
public enum SearchField
{
    /// <summary>A free word or "quoted phrase": subject, addresses and body text.</summary>
    Text,

    /// <summary><c>from:</c> the From header and the envelope sender.</summary>
    From,

    /// <summary><c>to:</c> any recipient: To, Cc and the envelope recipients.</summary>
    To,

    /// <summary><c>subject:</c></summary>
    Subject,

    /// <summary><c>has:attachment</c>: at least one non-inline attachment.</summary>
    HasAttachment,

    /// <summary><c>is:read</c></summary>
    IsRead,

    /// <summary><c>is:unread</c></summary>
    IsUnread,

    /// <summary><c>tag:</c> a tag, compared whole and case-insensitively.</summary>
    Tag,

    /// <summary><c>before:YYYY-MM-DD</c>: received before the start of that day (UTC).</summary>
    Before,

    /// <summary><c>after:YYYY-MM-DD</c>: received on that day or later (UTC).</summary>
    After,
}
