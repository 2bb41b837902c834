namespace MailCatcher.Core.Sessions;

/// <summary>Who a transcript line came from. Serialised as <c>in</c>, <c>out</c>, <c>info</c>.</summary>
public enum TranscriptDirection
{
    /// <summary>Sent by the client.</summary>
    In,

    /// <summary>Sent by the server.</summary>
    Out,

    /// <summary>A note by the server about the session (TLS, bare LF, disconnects), never sent on the wire.</summary>
    Info,
}
