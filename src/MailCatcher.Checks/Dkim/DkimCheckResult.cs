namespace MailCatcher.Checks.Dkim;

/// <summary>The DKIM and ARC check: one report per signature, the ARC chain's verdict, and the usual findings.</summary>
/// <param name="Arc">The ARC chain's verdict (none, pass, fail), null when the message has no ARC set.</param>
/// <param name="UsedDns">Whether public keys were looked up in DNS (otherwise only offline keys were used).</param>
public sealed record DkimCheckResult(
    CheckStatus Status,
    string Summary,
    IReadOnlyList<CheckItem> Items,
    IReadOnlyList<DkimSignatureReport> Signatures,
    string? Arc,
    bool UsedDns) : ICheckResult;
