using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MailCatcher.Core.Options;

namespace MailCatcher.Protocols.Smtp.Faults;

/// <summary>
/// A validated fault-injection rule: at <see cref="Stage"/>, for addresses matching
/// <see cref="Address"/> (any when null), with <see cref="Probability"/> percent chance, do
/// <see cref="Action"/>. Lets a developer rehearse what an application does when the mail
/// server says no, is slow, or goes away.
/// </summary>
public sealed record FaultRule(FaultStage Stage, AddressPattern? Address, int Probability, FaultAction Action, SmtpReply? Reply, TimeSpan Delay)
{
    /// <summary>The longest delay a rule may ask for; a session's idle timeout still applies to the client.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    public static bool TryCreate(FaultRuleSettings settings, [NotNullWhen(true)] out FaultRule? rule, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        rule = null;
        if (!Enum.TryParse<FaultStage>(settings.Stage, ignoreCase: true, out var stage) || !Enum.IsDefined(stage) || int.TryParse(settings.Stage, out _))
        {
            error = $"stage '{settings.Stage}' is not one of connect, ehlo, mail, rcpt, data, auth";
            return false;
        }
        if (settings.Probability is < 0 or > 100)
        {
            error = $"probability must be between 0 and 100; it was {settings.Probability}";
            return false;
        }
        AddressPattern? address = null;
        if (!string.IsNullOrWhiteSpace(settings.Address))
        {
            if (stage is FaultStage.Connect or FaultStage.Ehlo)
            {
                error = "an address applies only to the mail, rcpt, data and auth stages";
                return false;
            }
            if (!AddressPattern.TryParse(settings.Address, out address, out error))
            {
                return false;
            }
        }
        if (!Enum.TryParse<FaultAction>(settings.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(settings.Action, out _))
        {
            error = $"action '{settings.Action}' is not one of reply, delay, drop";
            return false;
        }
        SmtpReply? reply = null;
        var delay = TimeSpan.Zero;
        switch (action)
        {
            case FaultAction.Reply:
                if (settings.Code is not (>= 400 and <= 599))
                {
                    error = "a reply needs a code from 400 to 599";
                    return false;
                }
                var text = settings.Text?.Trim();
                if (string.IsNullOrEmpty(text) || text.Contains('\r', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal))
                {
                    error = "a reply needs a one-line text";
                    return false;
                }
                reply = new SmtpReply(settings.Code.Value, null, text);
                break;
            case FaultAction.Delay:
                if (!TryParseDuration(settings.Delay, out delay) || delay <= TimeSpan.Zero || delay > MaxDelay)
                {
                    error = $"a delay needs a duration up to 10 minutes such as 2s, 500ms or 00:00:02; it was '{settings.Delay}'";
                    return false;
                }
                break;
        }
        rule = new FaultRule(stage, address, settings.Probability, action, reply, delay);
        error = null;
        return true;
    }

    /// <summary>The rule in the shape it was configured in (for <c>GET /api/v1/faults</c>).</summary>
    public FaultRuleSettings ToSettings() => new()
    {
        Stage = Stage.ToString().ToLowerInvariant(),
        Address = Address?.Text,
        Probability = Probability,
        Action = Action.ToString().ToLowerInvariant(),
        Code = Reply?.Code,
        Text = Reply?.Lines[0],
        Delay = Action == FaultAction.Delay ? FormatDuration(Delay) : null,
    };

    /// <summary>One line for the transcript, e.g. <c>rcpt *@flaky.test 50%: reply 451 4.3.0 Try again later</c>.</summary>
    public override string ToString()
    {
        var address = Address is null ? "" : $" {Address.Text}";
        var what = Action switch
        {
            FaultAction.Reply => $"reply {Reply!.Code} {Reply.Lines[0]}",
            FaultAction.Delay => $"delay {FormatDuration(Delay)}",
            _ => "drop the connection",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Stage.ToString().ToLowerInvariant()}{address} {Probability}%: {what}");
    }

    /// <summary>Accepts <c>500ms</c>, <c>2s</c>, <c>1.5s</c>, <c>1m</c> or a TimeSpan such as <c>00:00:02</c>.</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        (string Suffix, double Milliseconds)[] units = [("ms", 1), ("s", 1000), ("m", 60_000)];
        foreach (var (suffix, milliseconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                duration = TimeSpan.FromMilliseconds(amount * milliseconds);
                return true;
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    private static string FormatDuration(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0}ms");
}
