namespace MailCatcher.Checks.Html;

/// <summary>The caniemail image-format feature of an image URL: by data: media type, else by file extension.</summary>
internal static class ImageFormats
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["apng"] = "Animated PNG image format", ["avif"] = "AVIF image format", ["bmp"] = "BMP image format",
        ["gif"] = "GIF image format", ["heic"] = "HEIF image format", ["heif"] = "HEIF image format",
        ["ico"] = "ICO image format", ["jpeg"] = "JPG image format", ["jpg"] = "JPG image format",
        ["png"] = "PNG image format", ["svg"] = "SVG image format", ["tif"] = "TIFF image format",
        ["tiff"] = "TIFF image format", ["webp"] = "webP image format",
    };

    private static readonly Dictionary<string, string> ByMediaType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/apng"] = "Animated PNG image format", ["image/avif"] = "AVIF image format", ["image/bmp"] = "BMP image format",
        ["image/gif"] = "GIF image format", ["image/heic"] = "HEIF image format", ["image/heif"] = "HEIF image format",
        ["image/jpeg"] = "JPG image format", ["image/jpg"] = "JPG image format", ["image/png"] = "PNG image format",
        ["image/svg+xml"] = "SVG image format", ["image/tiff"] = "TIFF image format",
        ["image/vnd.microsoft.icon"] = "ICO image format", ["image/webp"] = "webP image format",
    };

    public static void FromUrl(string url, Action<string> found)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var header = trimmed[5..].Split(',', 2)[0];
            if (ByMediaType.GetValueOrDefault(header.Split(';')[0]) is { } format)
            {
                found(format);
            }
            if (header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                found("Base 64 image format");
            }
            return;
        }
        var path = trimmed.Split('?', '#')[0];
        var dot = path.LastIndexOf('.');
        if (dot >= 0 && dot > path.LastIndexOf('/') && ByExtension.GetValueOrDefault(path[(dot + 1)..]) is { } byExtension)
        {
            found(byExtension);
        }
    }

    /// <summary>The URLs of a srcset: each candidate's first word (HTML §4.8.4.3).</summary>
    public static IEnumerable<string> FromSrcset(string srcset)
        => srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(candidate => candidate.Split(' ', 2)[0]);

    /// <summary>The images of <c>url(...)</c> in a CSS value as AngleSharp.Css serialised it (<c>url("x.png")</c>).</summary>
    public static void FromCssValue(string value, Action<string> found)
    {
        var at = 0;
        while ((at = value.IndexOf("url(", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var close = value.IndexOf(')', at);
            if (close < 0)
            {
                return;
            }
            FromUrl(value[(at + 4)..close].Trim().Trim('"', '\''), found);
            at = close;
        }
    }
}
