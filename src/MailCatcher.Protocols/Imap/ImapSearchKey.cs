namespace MailCatcher.Protocols.Imap;

/// <summary>One RFC 3501 §6.4.4 search key. <see cref="ImapSearchOp.And"/> and <see cref="ImapSearchOp.Or"/> combine <see cref="Children"/>.</summary>
public sealed record ImapSearchKey(
    ImapSearchOp Op,
    string? Text = null,
    string? Field = null,
    DateOnly? Date = null,
    long? Number = null,
    ImapSequenceSet? Set = null,
    IReadOnlyList<ImapSearchKey>? Children = null)
{
    /// <summary>Whether evaluating this key needs the message's bytes (header or body text).</summary>
    public bool NeedsContent => Op is ImapSearchOp.Header or ImapSearchOp.BodyText or ImapSearchOp.Text or ImapSearchOp.Bcc
        or ImapSearchOp.SentBefore or ImapSearchOp.SentOn or ImapSearchOp.SentSince
        || (Children?.Any(c => c.NeedsContent) ?? false);
}

/// <summary>The search keys of RFC 3501 §6.4.4.</summary>
public enum ImapSearchOp
{
    All,
    And,
    Or,
    Not,
    SequenceSet,
    Uid,
    Flag,
    NotFlag,
    Keyword,
    NotKeyword,
    New,
    Old,
    Recent,
    From,
    To,
    Cc,
    Bcc,
    Subject,
    Header,
    BodyText,
    Text,
    Before,
    On,
    Since,
    SentBefore,
    SentOn,
    SentSince,
    Larger,
    Smaller,
}
