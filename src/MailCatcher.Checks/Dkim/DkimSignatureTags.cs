namespace MailCatcher.Checks.Dkim;

/// <summary>The tag=value list of a DKIM-Signature or ARC-Message-Signature (RFC 6376 §3.2), folding whitespace removed.</summary>
internal static class DkimSignatureTags
{
    public static Dictionary<string, string> Parse(string value)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var name = part[..equals].Trim();
            var tagValue = string.Concat(part[(equals + 1)..].Where(c => !char.IsWhiteSpace(c)));
            tags.TryAdd(name, name is "h" or "b" or "bh" ? tagValue : part[(equals + 1)..].Trim());
        }
        return tags;
    }
}
