using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MailCatcher.CommandLine;

/// <summary>
/// <c>mailcatcher sendmail</c> (or the program run through a link named <c>sendmail</c>): reads a
/// message on standard input and delivers it over SMTP to a running MailCatcher, so PHP's
/// <c>sendmail_path</c>, cron and git send-email reach it unchanged. Nothing of the web host is
/// loaded, so it starts as fast as the runtime does.
/// </summary>
internal static class SendmailCommand
{
    public const string Name = "sendmail";

    /// <summary>The environment variable that sets the server when no --smtp-addr is given (handy for cron).</summary>
    public const string AddressVariable = "MAILCATCHER_SMTP_ADDR";

    /// <summary>Whether this process is a sendmail: <c>mailcatcher sendmail …</c>, or a program whose name is sendmail.</summary>
    public static bool Matches(string[] args, out string[] sendmailArgs)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == Name)
        {
            sendmailArgs = args[1..];
            return true;
        }
        sendmailArgs = args;
        return Path.GetFileNameWithoutExtension(InvokedAs()).Equals(Name, StringComparison.OrdinalIgnoreCase);
    }

    public static async Task<int> RunAsync(string[] args, Stream input, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["--help"] or ["-h"])
        {
            await error.WriteAsync(HelpText);
            return SendmailExitCodes.Ok;
        }
        try
        {
            var arguments = SendmailArguments.Parse(args, Environment.GetEnvironmentVariable(AddressVariable));
            var hostName = Environment.MachineName.ToLowerInvariant();
            var sender = arguments.Sender ?? $"{Environment.UserName}@{hostName}";
            byte[] raw;
            try
            {
                using var buffer = new MemoryStream();
                await input.CopyToAsync(buffer, cancellationToken);
                raw = buffer.ToArray();
            }
            catch (IOException e)
            {
                throw new SendmailException(SendmailExitCodes.IoError, $"sendmail: cannot read the message: {e.Message}");
            }
            var message = SendmailMessage.Parse(raw, arguments, sender, DateTimeOffset.Now, hostName);
            var recipients = arguments.Recipients.SelectMany(SendmailMessage.Addresses)
                .Concat(message.HeaderRecipients)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (recipients.Count == 0)
            {
                throw new SendmailException(SendmailExitCodes.Usage, "sendmail: no recipients: name them as arguments, or use -t to read To, Cc and Bcc");
            }
            return await DeliverAsync(arguments, sender, recipients, message, hostName, error, cancellationToken);
        }
        catch (SendmailException e)
        {
            await error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await error.WriteLineAsync($"sendmail: the connection to the server failed: {e.Message}");
            return SendmailExitCodes.TempFail;
        }
    }

    private static async Task<int> DeliverAsync(SendmailArguments arguments, string sender, List<string> recipients, SendmailMessage message, string hostName, TextWriter error, CancellationToken cancellationToken)
    {
        await using var smtp = await SendmailSmtpClient.ConnectAsync(arguments.SmtpAddress, arguments.Verbose ? error : null, cancellationToken);
        var ehlo = await smtp.CommandAsync($"EHLO {hostName}", cancellationToken);
        if (!ehlo.IsPositive)
        {
            ehlo = await smtp.CommandAsync($"HELO {hostName}", cancellationToken);
            Require(ehlo, SendmailExitCodes.Unavailable, "HELO");
        }
        var extensions = ehlo.Text.Split('\n').Select(l => l.Split(' ')[0].ToUpperInvariant()).ToHashSet();
        var mail = $"MAIL FROM:<{sender}>";
        if (message.IsEightBit && extensions.Contains("8BITMIME"))
        {
            mail += " BODY=8BITMIME";   // RFC 6152
        }
        if (extensions.Contains("SMTPUTF8") && (!sender.All(char.IsAscii) || recipients.Any(r => !r.All(char.IsAscii))))
        {
            mail += " SMTPUTF8";        // RFC 6531 §3.4
        }
        Require(await smtp.CommandAsync(mail, cancellationToken), SendmailExitCodes.Unavailable, "MAIL FROM");

        var refusedExitCode = SendmailExitCodes.Ok;
        var accepted = 0;
        foreach (var recipient in recipients)
        {
            var reply = await smtp.CommandAsync($"RCPT TO:<{recipient}>", cancellationToken);
            if (reply.IsPositive)
            {
                accepted++;
                continue;
            }
            await error.WriteLineAsync($"sendmail: {recipient}: refused: {reply.Code} {reply.Text}");
            // A recipient refused for good outweighs one refused for now.
            refusedExitCode = refusedExitCode == SendmailExitCodes.NoUser ? refusedExitCode : reply.ExitCode(SendmailExitCodes.NoUser);
        }
        if (accepted == 0)
        {
            await smtp.CommandAsync("QUIT", cancellationToken);
            return refusedExitCode;
        }
        Require(await smtp.CommandAsync("DATA", cancellationToken), SendmailExitCodes.Unavailable, "DATA");
        Require(await smtp.SendContentAsync(message.Content, cancellationToken), SendmailExitCodes.Unavailable, "the message");
        try
        {
            await smtp.CommandAsync("QUIT", cancellationToken);
        }
        catch (SendmailException)
        {
            // The message is already acknowledged (250 after the data); a lost QUIT reply changes nothing.
        }
        return refusedExitCode;
    }

    private static void Require(SendmailSmtpClient.Reply reply, int permanentExitCode, string what)
    {
        if (!reply.IsPositive)
        {
            throw new SendmailException(reply.ExitCode(permanentExitCode), $"sendmail: the server refused {what}: {reply.Code} {reply.Text}");
        }
    }

    /// <summary>
    /// The name the program was started under (argv[0]), which for a link is the link's name. On
    /// Linux /proc has it as given; elsewhere the runtime's first command-line argument does.
    /// </summary>
    private static string InvokedAs()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            try
            {
                var commandLine = File.ReadAllText("/proc/self/cmdline");
                var end = commandLine.IndexOf('\0', StringComparison.Ordinal);
                return end >= 0 ? commandLine[..end] : commandLine;
            }
            catch (IOException)
            {
                // Fall back to what the runtime reports.
            }
        }
        return Environment.GetCommandLineArgs()[0];
    }

    private const string HelpText = """
        Usage: mailcatcher sendmail [options] [recipient...] < message
               (or the same program run through a link named sendmail)

        Reads a message on standard input and delivers it to a running MailCatcher over SMTP.
          --smtp-addr HOST:PORT  where MailCatcher listens (default 127.0.0.1:1025, or $MAILCATCHER_SMTP_ADDR)
          -t                     also send to the To, Cc and Bcc headers' addresses (Bcc is removed)
          -i, -oi                a line holding only "." does not end the message
          -f ADDRESS, -r ADDRESS envelope sender (default: USER@hostname)
          -F NAME                sender's name, for a From header when the message has none
          -v                     print the SMTP conversation on standard error
        Other sendmail options (-odi, -oem, -B, -N, -U, ...) are accepted and ignored.
        Exit codes as sendmail's: 0 sent, 64 usage, 67 recipient refused, 68 unknown host,
        69 message refused, 74 input error, 75 try again later (e.g. MailCatcher not running), 76 protocol error.

        """;
}
