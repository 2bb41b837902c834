namespace MailCatcher.Protocols.Imap;

/// <summary>IDLE (RFC 2177): changes are pushed while the client waits, until it sends DONE.</summary>
public sealed partial class ImapSession
{
    private async Task StartIdleAsync(string tag, CancellationToken cancellationToken)
    {
        _idleTag = tag;
        Line(ImapReplies.Idling);
        _idling = true;
        // Anything that changed before IDLE began is reported at once.
        await SyncAsync(allowExpunge: true, cancellationToken);
    }

    private async Task<bool> EndIdleAsync(string line, CancellationToken cancellationToken)
    {
        var tag = _idleTag ?? "*";
        _idleTag = null;
        if (!line.Trim().Equals("DONE", StringComparison.OrdinalIgnoreCase))
        {
            Tagged(tag, "BAD Expected DONE");
            return false;
        }
        await SyncAsync(allowExpunge: true, cancellationToken);
        Tagged(tag, "OK IDLE terminated");
        return false;
    }
}
