namespace MailCatcher.Protocols.Imap;

/// <summary>The kinds of data a FETCH can ask for (RFC 3501 §6.4.5).</summary>
public enum ImapFetchKind
{
    Flags,
    InternalDate,
    Rfc822Size,
    Envelope,
    Body,
    BodyStructure,
    Uid,
    Rfc822,
    Rfc822Header,
    Rfc822Text,

    /// <summary>BODY[section]&lt;partial&gt; and BODY.PEEK[...].</summary>
    Section,
}

/// <summary>RFC 3501 §6.4.5 section-text after the part numbers.</summary>
public enum ImapSectionText
{
    /// <summary>No text specifier: the whole message or the part's content.</summary>
    None,
    Header,
    HeaderFields,
    HeaderFieldsNot,
    Text,
    Mime,
}

/// <summary>One FETCH data item.</summary>
/// <param name="Part">Part numbers, empty for the whole message.</param>
/// <param name="Fields">Header field names for HEADER.FIELDS and HEADER.FIELDS.NOT.</param>
/// <param name="Peek">BODY.PEEK: do not set \Seen.</param>
/// <param name="Start">Partial fetch origin octet (RFC 3501 §6.4.5 "&lt;origin.size&gt;").</param>
/// <param name="Length">Partial fetch size.</param>
public sealed record ImapFetchItem(
    ImapFetchKind Kind,
    IReadOnlyList<int>? Part = null,
    ImapSectionText Text = ImapSectionText.None,
    IReadOnlyList<string>? Fields = null,
    bool Peek = false,
    long? Start = null,
    long? Length = null)
{
    /// <summary>The section as it appears in the response, e.g. "1.2.HEADER.FIELDS (FROM TO)".</summary>
    public string SectionSpec
    {
        get
        {
            var parts = Part is { Count: > 0 } ? string.Join('.', Part) : "";
            var text = Text switch
            {
                ImapSectionText.Header => "HEADER",
                ImapSectionText.HeaderFields => $"HEADER.FIELDS ({string.Join(' ', Fields ?? [])})",
                ImapSectionText.HeaderFieldsNot => $"HEADER.FIELDS.NOT ({string.Join(' ', Fields ?? [])})",
                ImapSectionText.Text => "TEXT",
                ImapSectionText.Mime => "MIME",
                _ => "",
            };
            return parts.Length > 0 && text.Length > 0 ? $"{parts}.{text}" : parts + text;
        }
    }

    /// <summary>Whether fetching this item sets \Seen (RFC 3501 §6.4.5: BODY[...], RFC822, RFC822.TEXT).</summary>
    public bool SetsSeen => Kind is ImapFetchKind.Rfc822 or ImapFetchKind.Rfc822Text || (Kind == ImapFetchKind.Section && !Peek);

    /// <summary>Whether this item needs the message's bytes.</summary>
    public bool NeedsContent => Kind is not (ImapFetchKind.Flags or ImapFetchKind.InternalDate or ImapFetchKind.Rfc822Size or ImapFetchKind.Uid);
}
