using System.Globalization;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Smtp.Faults;

using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Smtp;

/// <summary>The SMTP commands (RFC 5321 §4.1.1) and their state changes.</summary>
public sealed partial class SmtpSession
{
    private string? _mailFrom;
    private readonly List<string> _recipients = [];

    private enum CommandOutcome
    {
        Continue,
        Close,
        StartTls,
    }

    private CommandOutcome Execute(SmtpCommand command)
    {
        if (command.Verb == SmtpVerb.Unknown)
        {
            Send(SmtpReplies.CommandUnrecognized);
            return CommandOutcome.Continue;
        }

        // A bad sequence is reported before any policy refusal (design.md).
        if (!SmtpStateTable.IsAllowed(command.Verb, _state, out var whyNot))
        {
            if (command.Verb == SmtpVerb.Bdat)
            {
                RejectChunk(command, SmtpReplies.BadSequence(whyNot));
                return CommandOutcome.Continue;
            }
            Send(SmtpReplies.BadSequence(whyNot));
            return CommandOutcome.Continue;
        }

        switch (command.Verb)
        {
            case SmtpVerb.Helo:
                Hello(command, extended: false);
                break;
            case SmtpVerb.Ehlo:
                Hello(command, extended: true);
                break;
            case SmtpVerb.Mail:
                Mail(command.Arguments);
                break;
            case SmtpVerb.Rcpt:
                Rcpt(command.Arguments);
                break;
            case SmtpVerb.Data:
                StartData(command.Arguments);
                break;
            case SmtpVerb.Bdat:
                StartChunk(command);
                break;
            case SmtpVerb.Rset:
                ResetTransaction();
                Send(SmtpReplies.Ok);
                break;
            case SmtpVerb.Noop:
                Send(SmtpReplies.Ok);
                break;
            case SmtpVerb.Vrfy:
                Send(command.Arguments.Length == 0 ? SmtpReplies.SyntaxError("VRFY needs a user or mailbox") : SmtpReplies.CannotVerify);
                break;
            case SmtpVerb.Expn:
                Send(new SmtpReply(502, "5.5.1", "EXPN is not supported"));
                break;
            case SmtpVerb.Help:
                Send(SmtpReplies.Help);
                break;
            case SmtpVerb.StartTls:
                return StartTls(command);
            case SmtpVerb.Auth:
                StartAuth(command);
                break;
            case SmtpVerb.Quit:
                // RFC 5321 §4.1.1.10: QUIT aborts an incomplete mail transaction; say so, since
                // a client that quits there usually meant to send something.
                if (OpenTransactionLoss() is { } loss)
                {
                    Transcript.Info($"QUIT {loss}");
                    ResetTransaction();
                }
                Send(SmtpReplies.Bye(_options.HostName));
                return CommandOutcome.Close;
        }
        return CommandOutcome.Continue;
    }

    /// <summary>RFC 5321 §4.1.1.1: <c>"EHLO" SP ( Domain / address-literal )</c>; EHLO also resets any transaction (§4.1.4).</summary>
    private void Hello(SmtpCommand command, bool extended)
    {
        var name = command.Arguments.Split(' ', 2)[0];
        // Tolerant about which printable characters a name holds, but a control character
        // (NUL, a bare CR) is no Domain and must not be echoed into the reply.
        if (name.Length == 0 || name.Any(char.IsControl))
        {
            Send(SmtpReplies.SyntaxError($"{command.Name.ToUpperInvariant()} needs a domain or address literal"));
            return;
        }
        if (InjectFault(FaultStage.Ehlo))
        {
            return;
        }
        ResetTransaction();
        HeloName = name;
        _state = SmtpState.Ready;
        if (!extended)
        {
            Send(SmtpReplies.Helo(_options.HostName, name));
            return;
        }
        List<string> lines = [$"{_options.HostName} Hello {name}", .. EhloKeywords()];
        Send(new SmtpReply(250, null, lines));
    }

    /// <summary>The service extensions advertised in the EHLO reply (RFC 5321 §4.1.1.1).</summary>
    private IEnumerable<string> EhloKeywords()
    {
        yield return "PIPELINING";
        yield return _options.MaxMessageSize > 0
            ? string.Create(CultureInfo.InvariantCulture, $"SIZE {_options.MaxMessageSize}")
            : "SIZE";
        yield return "8BITMIME";
        yield return "SMTPUTF8";
        yield return "ENHANCEDSTATUSCODES";
        yield return "CHUNKING";
        yield return "HELP";
        // RFC 3207 §4.2: STARTTLS is not offered once the session is encrypted.
        if (_policy.Tls.IsAvailable && Tls is null)
        {
            yield return "STARTTLS";
        }
        if (OffersAuth)
        {
            yield return $"AUTH {Plain} {Login} {CramMd5}";
        }
    }

    private void Mail(string arguments)
    {
        if (!SmtpPathParser.TryParseMailFrom(arguments, out var path, out var error))
        {
            Send(SmtpReplies.SyntaxError(error));
            return;
        }
        foreach (var (keyword, value) in path.Parameters)
        {
            switch (keyword)
            {
                // RFC 1870 §6: refuse a declared size over the limit at once.
                case "SIZE":
                    if (!TryParseDeclaredSize(value, out var declared))
                    {
                        Send(SmtpReplies.SyntaxError("SIZE needs a number of octets"));
                        return;
                    }
                    if (_options.MaxMessageSize > 0 && declared > _options.MaxMessageSize)
                    {
                        ProtocolMetrics.SmtpMessageRejected();
                        Send(SmtpReplies.MessageTooBig(_options.MaxMessageSize));
                        return;
                    }
                    break;
                // RFC 6152 (8BITMIME); RFC 3030 BINARYMIME is not offered.
                case "BODY":
                    if (!string.Equals(value, "7BIT", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "8BITMIME", StringComparison.OrdinalIgnoreCase))
                    {
                        Send(SmtpReplies.ParameterNotRecognized($"BODY={value}"));
                        return;
                    }
                    break;
                // RFC 6531 §3.4: the message may carry UTF-8 addresses and headers.
                case "SMTPUTF8" when value is null:
                    break;
                // RFC 4954 §5: the AUTH parameter is accepted; the identity it names is not trusted.
                case "AUTH":
                    break;
                default:
                    Send(SmtpReplies.ParameterNotRecognized(keyword));
                    return;
            }
        }
        // Policy refusals come after the sequence (checked by the state table) and the syntax.
        if (_policy.RequireTls && Tls is null)
        {
            Send(SmtpReplies.MustStartTls);
            return;
        }
        if (_policy.AuthMode == SmtpAuthMode.Required && AuthenticatedUser is null)
        {
            Send(SmtpReplies.AuthRequired);
            return;
        }
        if (InjectFault(FaultStage.Mail, path.Address))
        {
            return;
        }
        _mailFrom = path.Address;
        _state = SmtpState.HaveSender;
        Send(SmtpReplies.SenderOk);
    }

    /// <summary>
    /// RFC 1870 §3: <c>size-value ::= 1*20DIGIT</c>. A well-formed value too large for a long
    /// is over any limit, not a syntax error.
    /// </summary>
    private static bool TryParseDeclaredSize(string? value, out long size)
    {
        size = 0;
        if (value is null || value.Length is 0 or > 20 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            size = long.MaxValue;
        }
        return true;
    }

    private void Rcpt(string arguments)
    {
        if (!SmtpPathParser.TryParseRcptTo(arguments, out var path, out var error))
        {
            Send(SmtpReplies.SyntaxError(error));
            return;
        }
        if (path.Parameters.Count > 0)
        {
            Send(SmtpReplies.ParameterNotRecognized(path.Parameters.Keys.First()));
            return;
        }
        if (_recipients.Count >= _options.MaxRecipients)
        {
            // RFC 5321 §4.5.3.1.10: 452 tells the client to send the rest in another transaction.
            // It is not a client error: counting it would close the session after MaxErrors
            // surplus recipients and lose the message for the accepted ones (as Postfix's
            // smtpd_recipient_overshoot_limit avoids).
            Send(SmtpReplies.TooManyRecipients, countsAsError: false);
            return;
        }
        if (!_policy.Recipients.Accepts(path.Address))
        {
            Send(SmtpReplies.UserUnknown);
            return;
        }
        if (InjectFault(FaultStage.Rcpt, path.Address))
        {
            return;
        }
        _recipients.Add(path.Address);
        _state = SmtpState.HaveRecipients;
        Send(SmtpReplies.RecipientOk);
    }

    /// <summary>Ends the mail transaction, keeping the HELO/EHLO state (RFC 5321 §4.1.1.5).</summary>
    private void ResetTransaction()
    {
        _mailFrom = null;
        _recipients.Clear();
        DiscardContent();
        if (_state != SmtpState.Connected)
        {
            _state = SmtpState.Ready;
        }
    }
}
