using System.Text;

namespace MailCatcher.Protocols.Imap;

/// <summary>Dispatch, and the commands of any state and of the not-authenticated state (RFC 3501 §6.1, §6.2).</summary>
public sealed partial class ImapSession
{
    /// <summary>Runs one framed command; true when the session must close.</summary>
    private async Task<bool> ExecuteAsync(byte[] command, CancellationToken cancellationToken)
    {
        var reader = new ImapArgumentReader(command);
        string tag;
        string name;
        try
        {
            tag = ReadTag(reader);
            reader.Space();
            name = reader.ReadAtom().ToUpperInvariant();
            if (name == "UID" && reader.TrySpace())
            {
                name = "UID " + reader.ReadAtom().ToUpperInvariant();
            }
        }
        catch (ImapSyntaxException)
        {
            Transcript.In(Describe(command));
            var tagOnly = ImapCommandFramer.TagOf(new System.Buffers.ReadOnlySequence<byte>(command));
            Tagged(tagOnly is "*" or "+" || tagOnly.Length == 0 ? "*" : tagOnly, "BAD Missing or invalid command");
            return false;
        }
        Transcript.In(name is "LOGIN" or "AUTHENTICATE" ? $"{tag} {name} ********" : Describe(command));
        if (!ImapStateTable.IsAllowed(name, _state, out var whyNot))
        {
            Tagged(tag, $"BAD {(ImapStateTable.IsKnown(name) ? whyNot : "Unknown command " + Truncate(name))}");
            return false;
        }
        try
        {
            return await RunAsync(tag, name, reader, cancellationToken);
        }
        catch (ImapSyntaxException e)
        {
            Tagged(tag, $"BAD {e.Message}");
            return false;
        }
        catch (ImapSearchCharsetException)
        {
            Tagged(tag, ImapReplies.BadCharset);
            return false;
        }
    }

    private async Task<bool> RunAsync(string tag, string name, ImapArgumentReader reader, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "CAPABILITY":
                reader.ExpectEnd();
                Line("* CAPABILITY " + Capabilities);
                break;
            case "NOOP":
            case "CHECK":
                reader.ExpectEnd();
                await SyncAsync(allowExpunge: true, cancellationToken);
                break;
            case "LOGOUT":
                reader.ExpectEnd();
                Line(ImapReplies.Bye);
                Tagged(tag, ImapReplies.Completed(name));
                return true;
            case "STARTTLS":
                reader.ExpectEnd();
                StartTls(tag);
                return false;
            case "LOGIN":
                Login(tag, reader);
                return false;
            case "AUTHENTICATE":
                Authenticate(tag, reader);
                return false;
            case "ENABLE":
                // RFC 5161 §3.1: ENABLED lists what was enabled; none of the extensions this server knows needs enabling.
                reader.Space();
                reader.ReadAtom();
                while (reader.TrySpace())
                {
                    reader.ReadAtom();
                }
                Line("* ENABLED");
                break;
            case "NAMESPACE":
                reader.ExpectEnd();
                Line(ImapReplies.Namespace);
                break;
            case "IDLE":
                reader.ExpectEnd();
                await StartIdleAsync(tag, cancellationToken);
                return false;
            default:
                return await RunMailboxCommandAsync(tag, name, reader, cancellationToken);
        }
        Tagged(tag, ImapReplies.Completed(name));
        return false;
    }

    /// <summary>RFC 3501 §9: tag = 1*&lt;any ASTRING-CHAR except "+"&gt;.</summary>
    private static string ReadTag(ImapArgumentReader reader)
    {
        var tag = reader.ReadToken();
        if (tag.Contains('+', StringComparison.Ordinal) || tag.Contains('"', StringComparison.Ordinal) || tag == "*")
        {
            throw new ImapSyntaxException("bad tag");
        }
        return tag;
    }

    /// <summary>RFC 3501 §6.2.3 LOGIN userid password.</summary>
    private void Login(string tag, ImapArgumentReader reader)
    {
        reader.Space();
        var user = reader.ReadAString();
        reader.Space();
        var password = reader.ReadAString();
        reader.ExpectEnd();
        CompleteLogin(tag, "LOGIN", user, password);
    }

    /// <summary>RFC 3501 §6.2.2 AUTHENTICATE, with RFC 4959 SASL-IR; only PLAIN (RFC 4616).</summary>
    private void Authenticate(string tag, ImapArgumentReader reader)
    {
        reader.Space();
        var mechanism = reader.ReadAtom();
        if (!mechanism.Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            Tagged(tag, ImapReplies.UnknownMechanism);
            return;
        }
        if (LoginDisabled)
        {
            Tagged(tag, ImapReplies.PrivacyRequired);
            return;
        }
        if (reader.TrySpace())
        {
            var initial = reader.ReadToken();
            reader.ExpectEnd();
            FinishAuthenticate(tag, initial == "=" ? "" : initial);
            return;
        }
        reader.ExpectEnd();
        _authenticatingTag = tag;
        Line(ImapReplies.ContinueAuth);
    }

    private bool FinishAuthenticate(string tag, string response)
    {
        if (response == "*")
        {
            Tagged(tag, ImapReplies.AuthCancelled);
            return false;
        }
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(response);
        }
        catch (FormatException)
        {
            Tagged(tag, "BAD Invalid base64");
            return false;
        }
        // RFC 4616 §2: [authzid] NUL authcid NUL passwd.
        var parts = Encoding.UTF8.GetString(decoded).Split('\0');
        if (parts.Length != 3)
        {
            Tagged(tag, "BAD Invalid PLAIN response");
            return false;
        }
        CompleteLogin(tag, "AUTHENTICATE", parts[1], parts[2]);
        return false;
    }

    private void CompleteLogin(string tag, string command, string user, string password)
    {
        if (LoginDisabled)
        {
            Transcript.Info($"{command} refused before TLS for {user}");
            Tagged(tag, ImapReplies.PrivacyRequired);
            return;
        }
        if (!_authenticator.Check(user, password))
        {
            Transcript.Info($"login failed for {user}");
            Tagged(tag, ImapReplies.LoginFailed);
            return;
        }
        User = user;
        _state = ImapState.Authenticated;
        Transcript.Info($"logged in as {user}");
        Tagged(tag, $"OK [CAPABILITY {Capabilities}] {command} completed");
    }

    private static string Describe(byte[] command)
    {
        var text = Encoding.UTF8.GetString(command).TrimEnd('\r', '\n');
        return text.Length > 500 ? text[..500] + "…" : text;
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] : text;
}
