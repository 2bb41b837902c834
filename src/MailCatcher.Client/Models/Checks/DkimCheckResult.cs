namespace MailCatcher.Client.Models.Checks;

/// <summary>DKIM signatures and the ARC chain, verified with offline keys (or DNS, from its own endpoint).</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Summary">One sentence to read first.</param>
/// <param name="Items">The findings, worst first.</param>
/// <param name="Signatures">One report per signature.</param>
/// <param name="Arc">The ARC chain verdict; null without ARC headers.</param>
/// <param name="UsedDns">Whether keys were looked up in DNS.</param>
public sealed record DkimCheckResult(CheckStatus Status, string Summary, IReadOnlyList<CheckItem> Items, IReadOnlyList<DkimSignatureReport> Signatures, string? Arc, bool UsedDns);
