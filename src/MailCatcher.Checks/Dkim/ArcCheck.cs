using MimeKit;
using MimeKit.Cryptography;

namespace MailCatcher.Checks.Dkim;

/// <summary>The ARC set (RFC 8617): the chain verdict from MimeKit's <see cref="ArcVerifier"/> and its errors as findings.</summary>
internal static class ArcCheck
{
    public static async Task<(string? Verdict, List<CheckItem> Items)> CheckAsync(MimeMessage message, DkimKeyLocator keys, CancellationToken cancellationToken)
    {
        if (!message.Headers.Contains(HeaderId.ArcSeal) && !message.Headers.Contains(HeaderId.ArcMessageSignature))
        {
            return (null, []);
        }
        var rfc = new Uri("https://www.rfc-editor.org/rfc/rfc8617");
        try
        {
            var result = await new ArcVerifier(keys).VerifyAsync(message, cancellationToken);
            var verdict = result.Chain.ToString().ToLowerInvariant();
            var errors = result.ChainErrors == ArcValidationErrors.None ? [] : result.ChainErrors.ToString().Split(", ").ToList();
            var severity = result.Chain == ArcSignatureValidationResult.Pass ? CheckSeverity.Pass : CheckSeverity.Fail;
            var why = result.Chain == ArcSignatureValidationResult.Pass
                ? $"The ARC chain of {result.Seals?.Length ?? 0} hop{(result.Seals?.Length == 1 ? "" : "s")} verifies."
                : $"The ARC chain is {verdict}" + (errors.Count > 0 ? ": " + string.Join(", ", errors) + "." : ".");
            return (verdict, [new CheckItem(severity, "ARC chain", why,
                severity == CheckSeverity.Pass ? null : "ARC is added by forwarders and mailing lists; check the last hop that sealed the message.", "ARC-Seal", Url: rfc)]);
        }
        catch (DkimKeyNotFoundException e)
        {
            return ("nokey", [new CheckItem(CheckSeverity.Info, "ARC chain", e.Message, "Give the key with --dkim-key, or check with DNS.", "ARC-Seal", Url: rfc)]);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return ("fail", [new CheckItem(CheckSeverity.Fail, "ARC chain", $"The ARC set cannot be verified: {e.Message}", null, "ARC-Seal", Url: rfc)]);
        }
    }
}
