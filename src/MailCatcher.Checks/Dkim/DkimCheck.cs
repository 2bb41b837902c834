using System.Globalization;
using MimeKit;
using MimeKit.Cryptography;

namespace MailCatcher.Checks.Dkim;

/// <summary>
/// Verifies every DKIM-Signature (RFC 6376) and the ARC set (RFC 8617) with MimeKit's
/// <see cref="DkimVerifier"/> and <see cref="ArcVerifier"/>, reporting per signature the domain,
/// selector, algorithm, signed headers, whether the body hash matches, and why it passed or failed.
/// Keys come from <see cref="DkimKeyLocator"/>: offline keys, and DNS only when the locator has it.
/// </summary>
public static class DkimCheck
{
    /// <summary>RFC 6376 §3.5: the tags every signature must have.</summary>
    private static readonly string[] RequiredTags = ["v", "a", "b", "bh", "d", "h", "s"];

    public static async Task<DkimCheckResult> CheckAsync(MimeMessage message, DkimKeyLocator keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        var verifier = new ReportingDkimVerifier(keys);
        var reports = new List<DkimSignatureReport>();
        foreach (var header in message.Headers.Where(h => h.Id == HeaderId.DkimSignature).ToList())
        {
            reports.Add(await VerifyAsync(verifier, message, header, clock, cancellationToken));
        }
        var arc = await ArcCheck.CheckAsync(message, keys, cancellationToken);
        var items = reports.Select(ToItem).ToList();
        items.AddRange(arc.Items);
        if (reports.Count == 0 && arc.Verdict is null)
        {
            return new DkimCheckResult(CheckStatus.Skipped,
                "The message has no DKIM-Signature or ARC set. If production signs at the relay or mail service, the signature is added there, not by the app.",
                [], [], null, keys.UsesDns);
        }
        return new DkimCheckResult(CheckStatuses.FromItems(items), Summarise(reports, arc.Verdict, keys.UsesDns), items, reports, arc.Verdict, keys.UsesDns);
    }

    private static async Task<DkimSignatureReport> VerifyAsync(ReportingDkimVerifier verifier, MimeMessage message, Header header, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tags = DkimSignatureTags.Parse(header.Value);
        var domain = tags.GetValueOrDefault("d", "");
        var selector = tags.GetValueOrDefault("s", "");
        var algorithm = tags.GetValueOrDefault("a", "");
        var canonicalization = tags.GetValueOrDefault("c", "simple/simple");
        var signed = tags.GetValueOrDefault("h", "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        DkimSignatureReport Report(bool? bodyHash, DkimOutcome outcome, string reason)
            => new("DKIM-Signature", domain, selector, algorithm, canonicalization, signed, bodyHash, outcome, reason);

        var missing = RequiredTags.Where(t => !tags.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            return Report(null, DkimOutcome.Invalid, $"The signature lacks the required tag{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(t => t + "="))} (RFC 6376 §3.5).");
        }
        if (!signed.Any(h => h.Equals("from", StringComparison.OrdinalIgnoreCase)))
        {
            return Report(null, DkimOutcome.Invalid, "The signed headers (h=) do not include From, which RFC 6376 §5.4 requires.");
        }
        if (tags.TryGetValue("x", out var expires) && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799)) < clock.GetUtcNow())
        {
            return Report(null, DkimOutcome.Invalid, $"The signature expired at {DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799)):u} (x=, RFC 6376 §3.5).");
        }
        if (ParseAlgorithm(algorithm) is not { } signatureAlgorithm)
        {
            return Report(null, DkimOutcome.Invalid, $"The algorithm \"{algorithm}\" is not rsa-sha256, rsa-sha1 or ed25519-sha256.");
        }
        var bodyCanonicalization = canonicalization.Split('/') is [_, var body] && body.Equals("relaxed", StringComparison.OrdinalIgnoreCase)
            ? DkimCanonicalizationAlgorithm.Relaxed : DkimCanonicalizationAlgorithm.Simple;
        var length = tags.TryGetValue("l", out var l) && int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        bool? bodyMatches = ReportingDkimVerifier.BodyHashMatches(message, signatureAlgorithm, bodyCanonicalization, length, tags["bh"]);
        try
        {
            if (await verifier.VerifyAsync(message, header, cancellationToken))
            {
                return Report(bodyMatches, DkimOutcome.Pass, $"The signature of {domain} verifies with the key at {DkimKeyStore.RecordName(selector, domain)}.");
            }
            return Report(bodyMatches, DkimOutcome.Fail, bodyMatches == false
                ? "The body hash does not match: the body changed after signing (a footer added, line endings or encoding changed)."
                : "The body is intact but the header signature does not verify: a signed header changed after signing, or the key is not the one that signed.");
        }
        catch (DkimKeyNotFoundException e)
        {
            return Report(bodyMatches, DkimOutcome.NoKey, e.Message);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or InvalidOperationException
            or DnsClient.DnsResponseException or Org.BouncyCastle.Crypto.CryptoException)
        {
            return Report(bodyMatches, DkimOutcome.Invalid, $"The signature cannot be verified: {e.Message}");
        }
    }

    private static DkimSignatureAlgorithm? ParseAlgorithm(string algorithm) => algorithm.ToLowerInvariant() switch
    {
        "rsa-sha256" => DkimSignatureAlgorithm.RsaSha256,
        "rsa-sha1" => DkimSignatureAlgorithm.RsaSha1,
        "ed25519-sha256" => DkimSignatureAlgorithm.Ed25519Sha256,
        _ => null,
    };

    private static CheckItem ToItem(DkimSignatureReport report)
    {
        var what = $"DKIM d={report.Domain} s={report.Selector}";
        var rfc = new Uri("https://www.rfc-editor.org/rfc/rfc6376");
        return report.Outcome switch
        {
            DkimOutcome.Pass => new CheckItem(CheckSeverity.Pass, what, report.Reason, Location: "DKIM-Signature", Url: rfc),
            DkimOutcome.NoKey => new CheckItem(CheckSeverity.Info, what, report.Reason + (report.BodyHashMatches == true ? " The body hash matches." : ""),
                "Give the key with --dkim-key, or check with DNS (GET .../checks/dkim).", "DKIM-Signature", Url: rfc),
            DkimOutcome.Fail => new CheckItem(CheckSeverity.Fail, what, report.Reason,
                report.BodyHashMatches == false
                    ? "Sign after the last change to the message; nothing may rewrite the body after signing."
                    : "Check that the selector's DNS key matches the signing key, and that no signed header is rewritten after signing.",
                "DKIM-Signature", Url: rfc),
            _ => new CheckItem(CheckSeverity.Fail, what, report.Reason, "Fix the signer's configuration.", "DKIM-Signature", Url: rfc),
        };
    }

    private static string Summarise(List<DkimSignatureReport> reports, string? arc, bool usedDns)
    {
        var parts = new List<string>();
        if (reports.Count > 0)
        {
            var counts = reports.GroupBy(r => r.Outcome).OrderBy(g => g.Key)
                .Select(g => $"{g.Count()} {g.Key switch { DkimOutcome.Pass => "pass", DkimOutcome.Fail => "fail", DkimOutcome.NoKey => "without a key", _ => "invalid" }}");
            parts.Add($"{CheckStatuses.Plural(reports.Count, "DKIM signature")}: {string.Join(", ", counts)}");
        }
        if (arc is not null)
        {
            parts.Add($"ARC chain: {arc}");
        }
        return string.Join("; ", parts) + (usedDns ? " (keys from DNS and --dkim-key)." : " (offline: keys from --dkim-key only).");
    }
}
