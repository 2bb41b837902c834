using MailCatcher.Protocols.Smtp.Faults;

namespace MailCatcher.Protocols.Smtp;

/// <summary>Injected faults: a rule's reply, delay or dropped connection, each marked in the transcript.</summary>
public sealed partial class SmtpSession
{
    /// <summary>A delay or drop that the read loop must carry out before going on.</summary>
    private FaultRule? _pendingFault;

    /// <summary>
    /// Rolls the fault rules for <paramref name="stage"/>. A reply is sent at once; a delay or a
    /// drop is left for the read loop.
    /// </summary>
    /// <returns>True when the command must not be processed normally (a reply was sent, or the connection will drop).</returns>
    private bool InjectFault(FaultStage stage, params IReadOnlyList<string> addresses)
    {
        var rule = _policy.Faults.Roll(stage, addresses);
        if (rule is null)
        {
            return false;
        }
        Transcript.Info($"fault injected: {rule}");
        switch (rule.Action)
        {
            case FaultAction.Reply:
                Send(rule.Reply!);
                return true;
            case FaultAction.Delay:
                _pendingFault = rule;
                return false;
            default:
                _pendingFault = rule;
                return true;
        }
    }

    /// <summary>Carries out a pending delay or drop.</summary>
    /// <returns>False when the connection must close now.</returns>
    private async Task<bool> ApplyPendingFaultAsync(CancellationToken stopping)
    {
        var rule = _pendingFault;
        _pendingFault = null;
        if (rule is null)
        {
            return true;
        }
        if (rule.Action == FaultAction.Delay)
        {
            await Task.Delay(rule.Delay, _clock, stopping);
            return true;
        }
        Error = "connection dropped by an injected fault";
        Transcript.Info(Error);
        ResetTransaction();
        return false;
    }

    /// <summary>
    /// Sends the greeting (RFC 5321 §3.1), unless a connect-stage fault answers instead; a
    /// refusal in place of the greeting ends the session, as §3.8's 421 does.
    /// </summary>
    /// <returns>False when the session ends here.</returns>
    private async Task<bool> GreetAsync(CancellationToken stopping)
    {
        if (InjectFault(FaultStage.Connect) && _pendingFault is null)
        {
            Error = "greeting replaced by an injected fault";
            await TryFlushAsync();
            return false;
        }
        if (!await ApplyPendingFaultAsync(stopping))
        {
            return false;
        }
        Send(SmtpReplies.Greeting(_options.HostName));
        await _output.FlushAsync(stopping);
        return true;
    }
}
