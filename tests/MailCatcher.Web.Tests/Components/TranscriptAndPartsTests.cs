using Bunit;
using MailCatcher.Components.Mail;
using MailCatcher.Core.Mime;
using MailCatcher.Core.Sessions;
using MimeKit;

namespace MailCatcher.Web.Tests.Components;

public sealed class TranscriptAndPartsTests : BunitContext
{
    private static readonly DateTime At = new(2026, 11, 28, 9, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public void Client_server_and_note_lines_are_told_apart()
    {
        var cut = Render<TranscriptView>(p => p.Add(x => x.Lines, [
            new TranscriptLine(At, TranscriptDirection.Out, "220 mailcatcher ESMTP"),
            new TranscriptLine(At, TranscriptDirection.In, "EHLO client"),
            new TranscriptLine(At, TranscriptDirection.Info, "bare LF"),
        ]));

        var lines = cut.FindAll(".tline");
        Assert.Equal(["server", "client", "note"], lines.Select(l => l.ClassList.Single(c => c != "tline")));
        Assert.Equal(["S", "C", "•"], lines.Select(l => l.QuerySelector(".who")!.TextContent));
        Assert.Equal("EHLO client", lines[1].QuerySelector(".text")!.TextContent);
        Assert.Equal("09:30:15.123", lines[0].QuerySelector("time")!.TextContent);
    }

    [Fact]
    public void An_empty_transcript_says_so()
    {
        var cut = Render<TranscriptView>(p => p.Add(x => x.Lines, []));
        Assert.Contains("No transcript", cut.Markup);
    }

    [Fact]
    public void Parts_list_name_type_size_and_download_with_thumbnails_for_raster_images_only()
    {
        var cut = Render<PartList>(p => p.Add(x => x.MessageId, 9).Add(x => x.Parts, [
            new MessagePartInfo("2", "photo.png", "image/png", 1536, "photo@x", true),
            new MessagePartInfo("3", "drawing.svg", "image/svg+xml", 300, null, false),
            new MessagePartInfo("4", "report.pdf", "application/pdf", 2_500_000, null, false),
        ]));

        var parts = cut.FindAll(".part");
        Assert.Equal(3, parts.Count);
        Assert.Equal("api/v1/messages/9/parts/2", parts[0].QuerySelector("img")!.GetAttribute("src"));
        Assert.Null(parts[1].QuerySelector("img"));
        Assert.Equal("SVG", parts[1].QuerySelector(".ext")!.TextContent);
        Assert.Contains("application/pdf · 2.4 MB · attachment", parts[2].TextContent);
        Assert.Equal("api/v1/messages/9/parts/4", parts[2].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_mime_tree_numbers_parts_like_imap()
    {
        var message = new MimeMessage();
        var builder = new BodyBuilder { TextBody = "text", HtmlBody = "<p>html</p>" };
        builder.Attachments.Add("a.txt", "data"u8.ToArray(), new ContentType("text", "plain"));
        message.Body = builder.ToMessageBody();

        var cut = Render<MimeTree>(p => p.Add(x => x.Message, message));

        var rows = cut.FindAll(".mime-tree li").Select(li => (li.QuerySelector(".mime-id")!.TextContent, li.QuerySelector(".mime-type")!.TextContent)).ToList();
        Assert.Equal(
            [("", "multipart/mixed"), ("1", "multipart/alternative"), ("1.1", "text/plain"), ("1.2", "text/html"), ("2", "text/plain")],
            rows);
        Assert.Contains("a.txt", cut.Markup);
    }

    [Fact]
    public void An_unparseable_message_has_no_tree_but_says_why()
    {
        var cut = Render<MimeTree>(p => p.Add(x => x.Message, null).Add(x => x.ParseError, "bad boundary"));
        Assert.Contains("could not be parsed as MIME: bad boundary", cut.Markup);
    }
}
