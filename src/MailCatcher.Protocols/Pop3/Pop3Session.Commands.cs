using System.Globalization;
using MailCatcher.Core.Mailbox;

namespace MailCatcher.Protocols.Pop3;

/// <summary>The POP3 commands (RFC 1939 §5–§7, RFC 2449 §5).</summary>
public sealed partial class Pop3Session
{
    private const int CopyChunk = 64 * 1024;

    private IReadOnlyList<MailboxEntry> _maildrop = [];
    private bool[] _deleted = [];
    private string? _pendingUser;

    private async Task<bool> ExecuteAsync(Pop3Command command, CancellationToken cancellationToken)
    {
        if (!Pop3StateTable.IsAllowed(command.Verb, _state, out var whyNot))
        {
            Send(command.Verb == Pop3Verb.Unknown ? Pop3Replies.Unknown : Pop3Replies.WrongState(whyNot));
            return false;
        }
        switch (command.Verb)
        {
            case Pop3Verb.Capa:
                Capa();
                return false;
            case Pop3Verb.User:
                User_(command);
                return false;
            case Pop3Verb.Pass:
                await PassAsync(command, cancellationToken);
                return false;
            case Pop3Verb.Apop:
                await ApopAsync(command, cancellationToken);
                return false;
            case Pop3Verb.Stls:
                Stls(command);
                return false;
            case Pop3Verb.Quit:
                await QuitAsync(cancellationToken);
                return true;
            case Pop3Verb.Stat:
                Send(Pop3Replies.Stat(Live.Count(), Live.Sum(m => m.Size)));
                return false;
            case Pop3Verb.List:
                Scan(command, m => m.Size, Pop3Replies.Scan);
                return false;
            case Pop3Verb.Uidl:
                Scan(command, m => m.Id, Pop3Replies.Unique);
                return false;
            case Pop3Verb.Retr:
                await RetrieveAsync(command, null, cancellationToken);
                return false;
            case Pop3Verb.Top:
                await TopAsync(command, cancellationToken);
                return false;
            case Pop3Verb.Dele:
                Delete(command);
                return false;
            case Pop3Verb.Rset:
                // RFC 1939 §5 RSET: unmark every message marked as deleted.
                Array.Clear(_deleted);
                Send(Pop3Replies.Reset(_maildrop.Count, _maildrop.Sum(m => m.Size)));
                return false;
            case Pop3Verb.Noop:
                Send(Pop3Replies.Ok);
                return false;
            default:
                Send(Pop3Replies.Unknown);
                return false;
        }
    }

    private IEnumerable<MailboxEntry> Live => _maildrop.Where((_, i) => !_deleted[i]);

    /// <summary>
    /// RFC 2449 §5 CAPA. STLS (RFC 2595 §4) only while a certificate exists and the session is
    /// not yet encrypted; USER only while a password may be sent (RFC 2449 §6.1).
    /// </summary>
    private void Capa()
    {
        Send(Pop3Replies.Capabilities);
        List<string> capabilities = ["TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION MailCatcher"];
        if (!LoginNeedsTls)
        {
            capabilities.Insert(0, "USER");
        }
        if (OffersStls)
        {
            capabilities.Add("STLS");
        }
        SendLines(capabilities);
    }

    /// <summary>RFC 1939 §7 USER name.</summary>
    private void User_(Pop3Command command)
    {
        if (command.RawArguments.Length == 0)
        {
            Send(Pop3Replies.MissingArgument);
            return;
        }
        if (LoginNeedsTls)
        {
            Send(Pop3Replies.TlsRequired);
            return;
        }
        _pendingUser = command.RawArguments.Trim();
        _state = Pop3State.HaveUser;
        Send(Pop3Replies.UserAccepted);
    }

    /// <summary>RFC 1939 §7 PASS string: the rest of the line, spaces included.</summary>
    private async Task PassAsync(Pop3Command command, CancellationToken cancellationToken)
    {
        var user = _pendingUser!;
        if (!_authenticator.Check(user, command.RawArguments))
        {
            _state = Pop3State.Authorization;
            Transcript.Info($"login failed for {user}");
            Send(Pop3Replies.LoginFailed);
            return;
        }
        await OpenMaildropAsync(user, cancellationToken);
    }

    /// <summary>RFC 1939 §7 APOP name digest.</summary>
    private async Task ApopAsync(Pop3Command command, CancellationToken cancellationToken)
    {
        if (command.Arguments.Count != 2)
        {
            Send(Pop3Replies.MissingArgument);
            return;
        }
        if (LoginNeedsTls)
        {
            Send(Pop3Replies.TlsRequired);
            return;
        }
        if (!_authenticator.CheckApop(command.Arguments[0], _timestamp, command.Arguments[1]))
        {
            Transcript.Info($"APOP failed for {command.Arguments[0]}");
            Send(Pop3Replies.LoginFailed);
            return;
        }
        await OpenMaildropAsync(command.Arguments[0], cancellationToken);
    }

    private async Task OpenMaildropAsync(string user, CancellationToken cancellationToken)
    {
        // RFC 1939 §4: the maildrop is fixed for the session, so message numbers never shift.
        _maildrop = await _store.ListAsync(_authenticator.ScopeFor(user), cancellationToken);
        _deleted = new bool[_maildrop.Count];
        User = user;
        _state = Pop3State.Transaction;
        Transcript.Info($"logged in as {user}");
        Send(Pop3Replies.LoggedIn(_maildrop.Count, _maildrop.Sum(m => m.Size)));
    }

    /// <summary>RFC 1939 §5 LIST and §7 UIDL: one message, or a multi-line listing of all not deleted.</summary>
    private void Scan(Pop3Command command, Func<MailboxEntry, long> value, Func<int, long, string> line)
    {
        if (command.Arguments.Count > 0)
        {
            if (TryGetMessage(command.Arguments[0], out var number))
            {
                Send(line(number, value(_maildrop[number - 1])));
            }
            return;
        }
        Send(Pop3Replies.Listing(Live.Count(), Live.Sum(m => m.Size)));
        var lines = new List<string>();
        for (var i = 0; i < _maildrop.Count; i++)
        {
            if (!_deleted[i])
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 1} {value(_maildrop[i])}"));
            }
        }
        SendLines(lines);
    }

    /// <summary>RFC 1939 §7 TOP msg n.</summary>
    private Task TopAsync(Pop3Command command, CancellationToken cancellationToken)
    {
        if (command.Arguments.Count != 2
            || !int.TryParse(command.Arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lines))
        {
            Send(command.Arguments.Count < 2 ? Pop3Replies.MissingArgument : Pop3Replies.BadNumber);
            return Task.CompletedTask;
        }
        return RetrieveAsync(command, lines, cancellationToken);
    }

    /// <summary>RFC 1939 §5 RETR msg (and TOP when <paramref name="bodyLines"/> is set): the raw bytes, dot-stuffed.</summary>
    private async Task RetrieveAsync(Pop3Command command, int? bodyLines, CancellationToken cancellationToken)
    {
        if (command.Arguments.Count == 0)
        {
            Send(Pop3Replies.MissingArgument);
            return;
        }
        if (!TryGetMessage(command.Arguments[0], out var number))
        {
            return;
        }
        var entry = _maildrop[number - 1];
        await using var raw = await _store.OpenRawAsync(entry.Id, cancellationToken);
        if (raw is null)
        {
            Send(Pop3Replies.MessageGone);
            return;
        }
        Send(bodyLines is null ? Pop3Replies.Retrieving(entry.Size) : Pop3Replies.Ok);
        Transcript.Out($"<message {entry.Id}, {entry.Size:N0} octets>");
        var encoder = new Pop3ContentEncoder(bodyLines);
        var chunk = new byte[CopyChunk];
        int read;
        while ((read = await raw.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var more = encoder.Write(chunk.AsSpan(0, read), _output);
            await _output.FlushAsync(cancellationToken);
            if (!more)
            {
                break;
            }
        }
        encoder.Finish(_output);
    }

    /// <summary>RFC 1939 §5 DELE msg: marks it; the message goes at QUIT.</summary>
    private void Delete(Pop3Command command)
    {
        if (command.Arguments.Count == 0)
        {
            Send(Pop3Replies.MissingArgument);
            return;
        }
        if (TryGetMessage(command.Arguments[0], out var number))
        {
            _deleted[number - 1] = true;
            Send(Pop3Replies.Deleted(number));
        }
    }

    /// <summary>RFC 1939 §6: QUIT in TRANSACTION enters UPDATE and removes the messages marked deleted.</summary>
    private async Task QuitAsync(CancellationToken cancellationToken)
    {
        if (_state != Pop3State.Transaction)
        {
            Send(Pop3Replies.Goodbye);
            return;
        }
        var ids = _maildrop.Where((_, i) => _deleted[i]).Select(m => m.Id).ToList();
        try
        {
            await _store.DeleteAsync(ids, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Transcript.Info($"UPDATE failed: {e.Message}");
            Send(Pop3Replies.UpdateFailed);
            return;
        }
        Send(Pop3Replies.SignedOff(ids.Count));
    }

    /// <summary>A message-number argument that names a message not marked deleted; answers -ERR otherwise.</summary>
    private bool TryGetMessage(string argument, out int number)
    {
        if (!Pop3Command.TryParseNumber(argument, out number))
        {
            Send(Pop3Replies.BadNumber);
            return false;
        }
        if (number > _maildrop.Count)
        {
            Send(Pop3Replies.NoSuchMessage);
            return false;
        }
        if (_deleted[number - 1])
        {
            Send(Pop3Replies.AlreadyDeleted);
            return false;
        }
        return true;
    }
}
