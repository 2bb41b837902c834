using System.Globalization;
using System.Text;

namespace MailCatcher.Bench;

/// <summary>
/// Varied, realistic-looking messages: senders from a few hundred domains, recipients from a
/// few thousand users, subjects and bodies drawn from a vocabulary with a skewed (Zipf-like)
/// word frequency, some HTML, some with attachments, and the usual transactional mail.
/// </summary>
internal sealed class MessageFactory(int seed)
{
    private static readonly string[] Kinds = ["Password reset", "Welcome to", "Your invoice", "Order shipped", "Weekly digest", "Verify your email", "Meeting notes", "Security alert", "Newsletter", "Receipt for"];

    private static readonly string[] Vocabulary = BuildVocabulary();

    private readonly Random _random = new(seed);

    public (string From, string To, byte[] Raw) Next(int index)
    {
        var domain = $"domain{_random.Next(300)}.example";
        var from = $"{Pick(["noreply", "billing", "alerts", "team", "support"])}@{domain}";
        var to = $"user{_random.Next(5000)}@customer{_random.Next(50)}.test";
        var kind = Kinds[_random.Next(Kinds.Length)];
        var subject = $"{kind} {Words(3)} #{index}";
        var body = $"Hello,\r\n\r\n{Sentence(40 + _random.Next(120))}\r\n\r\nYour code is {_random.Next(100000, 999999)}.\r\nhttps://{domain}/t/{index}\r\n";
        var html = _random.Next(3) == 0;
        var attach = _random.Next(10) == 0;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{index}@{domain}>\r\nDate: Sat, 28 Nov 2026 12:00:00 +0000\r\nMIME-Version: 1.0\r\n");
        if (!html && !attach)
        {
            text.Append("Content-Type: text/plain; charset=utf-8\r\n\r\n").Append(body);
        }
        else
        {
            text.Append("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n");
            if (html)
            {
                text.Append("Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>").Append(body.Replace("\r\n", "<br>\r\n", StringComparison.Ordinal)).Append("</p></body></html>\r\n");
            }
            else
            {
                text.Append("Content-Type: text/plain; charset=utf-8\r\n\r\n").Append(body);
            }
            if (attach)
            {
                text.Append("--b1\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\nContent-Disposition: attachment; filename=\"invoice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n");
            }
            text.Append("--b1--\r\n");
        }
        return (from, to, Encoding.UTF8.GetBytes(text.ToString()));
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    /// <summary>Zipf-like: low indexes are much more frequent.</summary>
    private string Word() => Vocabulary[(int)(Vocabulary.Length * Math.Pow(_random.NextDouble(), 3))];

    private string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word()));

    private string Sentence(int words) => Words(words) + ".";

    private static string[] BuildVocabulary()
    {
        string[] common = ["account", "please", "update", "payment", "delivery", "project", "report", "customer", "service", "schedule", "review", "team", "product", "support", "access", "invoice", "order", "shipping", "meeting", "password"];
        var syllables = new[] { "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "bra", "cle", "dri", "fro", "glu", "pla", "stri", "tor", "wen", "xel", "yum" };
        var generated = new List<string>(common);
        var random = new Random(7);
        while (generated.Count < 5000)
        {
            generated.Add(string.Concat(Enumerable.Range(0, 2 + random.Next(3)).Select(_ => syllables[random.Next(syllables.Length)])));
        }
        return [.. generated.Distinct()];
    }
}
