namespace MailCatcher.Protocols.Imap;

/// <summary>What <see cref="ImapCommandFramer"/> found at the front of the input.</summary>
public enum ImapFrameKind
{
    /// <summary>No complete command yet; read more.</summary>
    NeedMore,

    /// <summary>A complete command, literals included.</summary>
    Command,

    /// <summary>RFC 3501 §7.5: the client waits for "+" before sending a synchronizing literal.</summary>
    NeedContinuation,

    /// <summary>A command line longer than the limit; it was skipped up to its end.</summary>
    LineTooLong,

    /// <summary>A literal larger than the limit was announced; the line announcing it was skipped.</summary>
    LiteralTooLarge,
}

/// <summary>The framer's answer. <see cref="Command"/> holds the bytes of a whole command (ending CRLF included).</summary>
/// <param name="Unterminated">For <see cref="ImapFrameKind.LineTooLong"/>: the line has not ended yet; skip input up to its LF.</param>
/// <param name="NonSynchronizing">For <see cref="ImapFrameKind.LiteralTooLarge"/>: the client sends the literal without waiting (RFC 7888), so the session cannot continue.</param>
public readonly record struct ImapFrame(ImapFrameKind Kind, byte[]? Command = null, string Tag = "*", bool NonSynchronizing = false, bool Unterminated = false);
