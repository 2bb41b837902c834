using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MailCatcher.Core.Inboxes;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Smtp.Faults;

namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// AUTH (RFC 4954) with PLAIN (RFC 4616), LOGIN (draft-murchison-sasl-login) and CRAM-MD5
/// (RFC 2195). Passwords never reach the transcript: it records the mechanism and the user.
/// </summary>
public sealed partial class SmtpSession
{
    private const string Plain = "PLAIN";
    private const string Login = "LOGIN";
    private const string CramMd5 = "CRAM-MD5";

    /// <summary>"Username:" and "Password:", the LOGIN mechanism's prompts.</summary>
    private static readonly string UserPrompt = Convert.ToBase64String("Username:"u8);
    private static readonly string PasswordPrompt = Convert.ToBase64String("Password:"u8);

    /// <summary>An AUTH exchange waiting for the client's next response line.</summary>
    private sealed record AuthExchange(string Mechanism, string? User = null, string? Challenge = null);

    private AuthExchange? _authExchange;

    /// <summary>AUTH is advertised unless it is off, or allowed only after TLS that has not happened yet.</summary>
    private bool OffersAuth => _policy.AuthMode != SmtpAuthMode.Off && !(_policy.AuthRequiresTls && Tls is null);

    /// <summary>RFC 4954 §4: <c>"AUTH" SP sasl-mech [SP initial-response]</c>.</summary>
    private void StartAuth(SmtpCommand command)
    {
        if (_policy.AuthMode == SmtpAuthMode.Off)
        {
            Send(SmtpReplies.AuthNotEnabled);
            return;
        }
        if (AuthenticatedUser is not null)
        {
            // RFC 4954 §4: "a server MUST reject any further AUTH commands with a 503 reply".
            Send(SmtpReplies.BadSequence("already authenticated"));
            return;
        }
        if (_policy.RequireTls && Tls is null)
        {
            Send(SmtpReplies.MustStartTls);
            return;
        }
        if (_policy.AuthRequiresTls && Tls is null)
        {
            Send(SmtpReplies.EncryptionRequiredForAuth);
            return;
        }
        var parts = command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
        {
            Send(SmtpReplies.SyntaxError("expected AUTH <mechanism> [initial-response]"));
            return;
        }
        var mechanism = parts[0].ToUpperInvariant();
        var initial = parts.Length == 2 ? parts[1] : null;
        switch (mechanism)
        {
            case Plain when initial is null:
                _authExchange = new AuthExchange(Plain);
                Send(SmtpReplies.AuthChallenge(""));
                break;
            case Plain:
                Respond(new AuthExchange(Plain), initial);
                break;
            case Login when initial is null:
                _authExchange = new AuthExchange(Login);
                Send(SmtpReplies.AuthChallenge(UserPrompt));
                break;
            case Login:
                Respond(new AuthExchange(Login), initial);
                break;
            case CramMd5 when initial is null:
                var challenge = string.Create(CultureInfo.InvariantCulture, $"<{RandomNumberGenerator.GetInt32(int.MaxValue)}.{_clock.GetUtcNow().ToUnixTimeSeconds()}@{_options.HostName}>");
                _authExchange = new AuthExchange(CramMd5, Challenge: challenge);
                Send(SmtpReplies.AuthChallenge(Convert.ToBase64String(Encoding.ASCII.GetBytes(challenge))));
                break;
            case CramMd5:
                Send(SmtpReplies.SyntaxError("CRAM-MD5 takes no initial response"));
                break;
            default:
                Send(SmtpReplies.UnknownMechanism);
                break;
        }
    }

    /// <summary>A response line during an exchange (RFC 4954 §4): base64, or "*" to cancel.</summary>
    private void ContinueAuth(in ReadOnlySequence<byte> line)
    {
        var exchange = _authExchange!;
        _authExchange = null;
        var text = Encoding.ASCII.GetString(line).Trim();
        if (text == "*")
        {
            Transcript.Info($"AUTH {exchange.Mechanism} cancelled by the client");
            Send(SmtpReplies.AuthCancelled);
            return;
        }
        Respond(exchange, text);
    }

    private void Respond(AuthExchange exchange, string base64)
    {
        // RFC 4954 §4: "=" is an empty initial response.
        var bytes = new byte[base64.Length];
        var length = 0;
        if (base64 != "=" && !Convert.TryFromBase64String(base64, bytes, out length))
        {
            Transcript.Info($"AUTH {exchange.Mechanism}: the response is not valid base64");
            Send(SmtpReplies.AuthCannotDecode("not valid base64"));
            return;
        }
        var decoded = bytes.AsSpan(0, length);
        switch (exchange.Mechanism)
        {
            case Plain:
                RespondPlain(decoded);
                break;
            case Login when exchange.User is null:
                _authExchange = exchange with { User = Encoding.UTF8.GetString(decoded) };
                Send(SmtpReplies.AuthChallenge(PasswordPrompt));
                break;
            case Login:
                var password = Encoding.UTF8.GetString(decoded);
                Finish(Login, exchange.User, () => CheckPassword(exchange.User, password));
                break;
            case CramMd5:
                RespondCramMd5(exchange.Challenge!, Encoding.UTF8.GetString(decoded));
                break;
        }
    }

    /// <summary>RFC 4616 §2: <c>[authzid] NUL authcid NUL passwd</c>.</summary>
    private void RespondPlain(ReadOnlySpan<byte> message)
    {
        var fields = Encoding.UTF8.GetString(message).Split('\0');
        if (fields.Length != 3 || fields[1].Length == 0)
        {
            Transcript.Info("AUTH PLAIN: the response is not [authzid] NUL user NUL password");
            Send(SmtpReplies.AuthCannotDecode("expected [authzid] NUL user NUL password"));
            return;
        }
        var (user, password) = (fields[1], fields[2]);
        Finish(Plain, user, () => CheckPassword(user, password));
    }

    /// <summary>
    /// An isolated inbox's credential first (issue 13): a user named like an inbox with a password
    /// must give that password, even with <c>--smtp-auth any</c>, since it is a real credential;
    /// any other user is checked against the user list as before.
    /// </summary>
    private bool CheckPassword(string user, string password) => InboxCredentials.Check(user, password) switch
    {
        InboxCredentialCheck.Accepted => true,
        InboxCredentialCheck.Rejected => false,
        _ => _policy.Users.CheckPassword(user, password),
    };

    /// <summary>RFC 2195 §2: the response is the user name, a space, and the digest in hex.</summary>
    private void RespondCramMd5(string challenge, string response)
    {
        var space = response.LastIndexOf(' ');
        var digest = space < 0 ? "" : response[(space + 1)..];
        if (space <= 0 || digest.Length != 32 || !digest.All(char.IsAsciiHexDigit))
        {
            Transcript.Info("AUTH CRAM-MD5: the response is not a user name and a 32-digit hex digest");
            Send(SmtpReplies.AuthCannotDecode("expected <user> <hex digest>"));
            return;
        }
        var user = response[..space];
        // An inbox keeps only a hash of its password: the HMAC cannot be recomputed, so CRAM-MD5 cannot log in to it.
        Finish(CramMd5, user, () => !InboxCredentials.IsInboxUser(user) && _policy.Users.CheckCramMd5(user, challenge, digest));
    }

    /// <summary>Credentials are complete: an AUTH fault may answer, else they are checked.</summary>
    private void Finish(string mechanism, string user, Func<bool> check)
    {
        if (InjectFault(FaultStage.Auth, user))
        {
            return;
        }
        if (!check())
        {
            Transcript.Info($"AUTH {mechanism} failed for user {user}");
            Send(SmtpReplies.AuthFailed);
            return;
        }
        AuthenticatedUser = user;
        Transcript.Info($"AUTH {mechanism} succeeded: user {user}");
        Send(SmtpReplies.AuthSucceeded);
    }

    /// <summary>The AUTH command as the transcript shows it: the mechanism, never the initial response.</summary>
    private static string MaskAuthCommand(SmtpCommand command)
    {
        var parts = command.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => command.Name,
            1 => $"{command.Name} {parts[0]}",
            _ => $"{command.Name} {parts[0]} <initial response, not recorded>",
        };
    }
}
