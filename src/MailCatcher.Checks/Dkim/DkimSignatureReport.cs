namespace MailCatcher.Checks.Dkim;

/// <summary>One DKIM-Signature or ARC-Message-Signature and how it verified.</summary>
/// <param name="Header">DKIM-Signature or ARC-Message-Signature (with its instance, e.g. i=1).</param>
/// <param name="Domain">The signing domain (d=).</param>
/// <param name="Selector">The selector (s=).</param>
/// <param name="Algorithm">The algorithm (a=), e.g. rsa-sha256.</param>
/// <param name="Canonicalization">The canonicalization (c=), header/body.</param>
/// <param name="SignedHeaders">The signed header fields (h=), in order.</param>
/// <param name="BodyHashMatches">Whether the body hash (bh=) matches the body; null when it could not be checked.</param>
/// <param name="Reason">Why it passed or failed, in a sentence.</param>
public sealed record DkimSignatureReport(
    string Header,
    string Domain,
    string Selector,
    string Algorithm,
    string Canonicalization,
    IReadOnlyList<string> SignedHeaders,
    bool? BodyHashMatches,
    DkimOutcome Outcome,
    string Reason);
