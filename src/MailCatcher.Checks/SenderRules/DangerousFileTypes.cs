namespace MailCatcher.Checks.SenderRules;

/// <summary>
/// File types that Gmail blocks as attachments and that most filters quarantine: programs,
/// scripts, shortcuts, macro documents and disk images (Gmail help "File types blocked in Gmail").
/// </summary>
internal static class DangerousFileTypes
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".ade", ".adp", ".apk", ".appx", ".appxbundle", ".bat", ".cab", ".chm", ".cmd", ".com", ".cpl", ".diagcab",
        ".diagcfg", ".diagpkg", ".dll", ".dmg", ".ex", ".ex_", ".exe", ".hta", ".img", ".ins", ".iso", ".isp", ".jar",
        ".jnlp", ".js", ".jse", ".lib", ".lnk", ".mde", ".msc", ".msi", ".msix", ".msixbundle", ".msp", ".mst", ".nsh",
        ".pif", ".ps1", ".scr", ".sct", ".shb", ".sys", ".vb", ".vbe", ".vbs", ".vhd", ".vxd", ".wsc", ".wsf", ".wsh", ".xll",
        ".docm", ".xlsm", ".pptm",
    };

    private static readonly HashSet<string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/x-msdownload", "application/x-msdos-program", "application/x-ms-installer", "application/x-msi",
        "application/vnd.microsoft.portable-executable", "application/x-sh", "application/javascript", "application/hta",
        "application/x-ms-shortcut", "application/vnd.ms-word.document.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
    };

    /// <summary>Why the file is dangerous, or null. Looks at every dot, so "invoice.pdf.exe" counts.</summary>
    public static string? Why(string? fileName, string mediaType)
    {
        if (fileName is not null && Path.GetExtension(fileName.Trim().TrimEnd('.')) is { Length: > 0 } extension && Extensions.Contains(extension))
        {
            return $"its type {extension} is one Gmail blocks and filters quarantine";
        }
        return MediaTypes.Contains(mediaType) ? $"its media type {mediaType} is executable content that Gmail blocks" : null;
    }
}
