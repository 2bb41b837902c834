using MailCatcher.Checks;
using MailCatcher.Checks.Dkim;
using MailCatcher.Checks.Links;
using MailCatcher.Checks.Spam;

namespace MailCatcher.Mail.Checks;

/// <summary>What has been checked of one message so far: the offline checks, and the networked ones once asked for.</summary>
public sealed record MessageCheckState(MessageChecks Offline, LinkCheckResult? Links = null, SpamCheckResult? Spam = null, DkimCheckResult? DnsDkim = null)
{
    /// <summary>Whether any check run so far fails (the inbox list's marker).</summary>
    public bool HasFailures => Offline.Failures > 0 || Links?.Status == CheckStatus.Fail || Spam?.Status == CheckStatus.Fail || DnsDkim?.Status == CheckStatus.Fail;
}
