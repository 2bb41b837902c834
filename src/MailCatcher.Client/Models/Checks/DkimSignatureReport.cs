namespace MailCatcher.Client.Models.Checks;

/// <summary>One DKIM signature and how it verified; Outcome is pass, fail, noKey or invalid.</summary>
/// <param name="Header">DKIM-Signature.</param>
/// <param name="Domain">The signing domain (d=).</param>
/// <param name="Selector">The selector (s=).</param>
/// <param name="Algorithm">The algorithm (a=).</param>
/// <param name="Canonicalization">The canonicalization (c=).</param>
/// <param name="SignedHeaders">The signed header fields (h=).</param>
/// <param name="BodyHashMatches">Whether the body hash matches; null when unknown.</param>
/// <param name="Outcome">pass, fail, noKey or invalid.</param>
/// <param name="Reason">Why, in a sentence.</param>
public sealed record DkimSignatureReport(string Header, string Domain, string Selector, string Algorithm, string Canonicalization,
    IReadOnlyList<string> SignedHeaders, bool? BodyHashMatches, string Outcome, string Reason);
