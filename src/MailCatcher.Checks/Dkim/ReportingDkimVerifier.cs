using MimeKit;
using MimeKit.Cryptography;

namespace MailCatcher.Checks.Dkim;

/// <summary>MimeKit's verifier, with its body-hash step exposed so a report can say whether the body or the headers broke.</summary>
internal sealed class ReportingDkimVerifier(IDkimPublicKeyLocator locator) : DkimVerifierBase(locator)
{
    private readonly DkimVerifier _verifier = new(locator);

    public Task<bool> VerifyAsync(MimeMessage message, Header header, CancellationToken cancellationToken)
        => _verifier.VerifyAsync(message, header, cancellationToken);

    public static bool? BodyHashMatches(MimeMessage message, DkimSignatureAlgorithm algorithm, DkimCanonicalizationAlgorithm canonicalization, int length, string bodyHash)
    {
        try
        {
            var options = FormatOptions.Default.Clone();
            options.NewLineFormat = NewLineFormat.Dos;
            return VerifyBodyHash(options, message, algorithm, canonicalization, length, bodyHash);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }
}
