namespace MailCatcher.Tests.Infrastructure;

/// <summary>
/// The real-world messages in <c>tests/corpus/messages</c> (a copy of the shared corpus, kept
/// byte-exact by its .gitattributes), and how SMTP's DATA transfer changes them.
/// </summary>
public static class Corpus
{
    public static string Folder { get; } = FindFolder();

    /// <summary>Every message file, relative path and bytes, in a stable order.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Messages { get; } =
        [.. Directory.EnumerateFiles(Path.Combine(Folder, "messages"), "*.eml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(Folder, path), File.ReadAllBytes(path)))];

    /// <summary>
    /// What a message becomes when sent with DATA: every bare LF becomes CRLF (SMTP lines end
    /// in CRLF, RFC 5321 §2.3.8) and the content ends with CRLF.
    /// </summary>
    public static byte[] WithCrlfLineEndings(byte[] bytes)
    {
        var output = new List<byte>(bytes.Length + bytes.Length / 20 + 2);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' && (i == 0 || bytes[i - 1] != (byte)'\r'))
            {
                output.Add((byte)'\r');
            }
            output.Add(bytes[i]);
        }
        if (output.Count < 2 || output[^2] != (byte)'\r' || output[^1] != (byte)'\n')
        {
            output.Add((byte)'\r');
            output.Add((byte)'\n');
        }
        return [.. output];
    }

    /// <summary>RFC 5321 §4.5.2 transparency: a line starting with "." gets another "."; then the end marker.</summary>
    public static byte[] DotStuffed(byte[] crlfContent)
    {
        var output = new List<byte>(crlfContent.Length + 16);
        var lineStart = true;
        foreach (var b in crlfContent)
        {
            if (lineStart && b == (byte)'.')
            {
                output.Add((byte)'.');
            }
            output.Add(b);
            lineStart = b == (byte)'\n';
        }
        output.AddRange(".\r\n"u8.ToArray());
        return [.. output];
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "corpus");
            if (Directory.Exists(Path.Combine(candidate, "messages")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/corpus/messages was not found above " + AppContext.BaseDirectory);
    }
}
