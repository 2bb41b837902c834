using MailCatcher.Components.Mail;
using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Mime;
using MailCatcher.Hubs;

namespace MailCatcher.Web.Tests.Unit;

public sealed class FormatAndTextTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(200 * 1024, "200 KB")]
    [InlineData(5 * 1024 * 1024 + 300_000, "5.3 MB")]
    [InlineData(50L * 1024 * 1024, "50 MB")]
    public void Sizes(long bytes, string expected) => Assert.Equal(expected, MailFormat.Size(bytes));

    [Fact]
    public void Recipients_prefer_headers_then_the_envelope_and_shorten_long_lists()
    {
        MessageSummary Summary(IReadOnlyList<EmailAddress> to, IReadOnlyList<string> envelope) => new()
        {
            Id = 1, ReceivedAt = Now, SessionId = 1, To = to, Cc = [], EnvelopeFrom = "", EnvelopeTo = envelope,
            Subject = "", Size = 0, Snippet = "", AttachmentCount = 0, IsRead = false, Tags = [],
        };
        Assert.Equal("bcc-only@example.com", MailFormat.Recipients(Summary([], ["bcc-only@example.com"])));
        Assert.Equal("Ann, b@x, Cid", MailFormat.Recipients(Summary([new("Ann", "a@x"), new("", "b@x"), new("Cid", "c@x")], [])));
        Assert.Equal("Ann, b@x +3", MailFormat.Recipients(Summary(
            [new("Ann", "a@x"), new("", "b@x"), new("Cid", "c@x"), new("", "d@x"), new("", "e@x")], [])));
    }

    [Fact]
    public void Html_renders_as_readable_text()
    {
        const string Html = "<html><head><title>T</title><style>p{}</style></head><body><h1>Hi&nbsp;there</h1><p>Line   one<br>Line two</p><p>See <a href=\"https://x.example/a\">the site</a>.</p><script>var x=1;</script><pre>  keep\n  this</pre></body></html>";
        Assert.Equal("Hi there\nLine one\nLine two\n\nSee the site (https://x.example/a).\n\nkeep\nthis", HtmlTextRenderer.Convert(Html));
    }

    [Fact]
    public void The_hub_carries_the_design_events_under_their_names()
    {
        var summary = new MessageSummary
        {
            Id = 5, ReceivedAt = Now, SessionId = 1, To = [], Cc = [], EnvelopeFrom = "", EnvelopeTo = [],
            Subject = "s", Size = 1, Snippet = "", AttachmentCount = 0, IsRead = false, Tags = [],
        };
        Assert.Equal(("messageReceived", (object)summary), EventsHubRelay.ToHubMessage(new MessageReceived(summary)));
        Assert.Equal("messageUpdated", EventsHubRelay.ToHubMessage(new MessageUpdated(summary))?.Method);
        Assert.Equal("messagesDeleted", EventsHubRelay.ToHubMessage(new MessagesDeleted([1, 2]))?.Method);
    }
}
