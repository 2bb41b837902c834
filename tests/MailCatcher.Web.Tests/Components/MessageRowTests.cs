using Bunit;
using MailCatcher.Components.Mail;
using MailCatcher.Core.Messages;

namespace MailCatcher.Web.Tests.Components;

public sealed class MessageRowTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static MessageSummary Summary(bool isRead = false, int attachments = 0, string subject = "Hello") => new()
    {
        Id = 42,
        ReceivedAt = Now.AddMinutes(-5),
        SessionId = 7,
        From = new EmailAddress("Alice Example", "alice@example.com"),
        To = [new EmailAddress("", "bob@example.net"), new EmailAddress("Carol", "carol@example.net")],
        Cc = [],
        EnvelopeFrom = "alice@example.com",
        EnvelopeTo = ["bob@example.net", "carol@example.net"],
        Subject = subject,
        Size = 2048,
        Snippet = "First line of the body",
        AttachmentCount = attachments,
        IsRead = isRead,
        Tags = [],
    };

    [Fact]
    public void An_unread_message_shows_sender_subject_recipients_snippet_size_and_relative_time_with_the_exact_time_on_hover()
    {
        var cut = Render<MessageRow>(p => p.Add(x => x.Message, Summary()).Add(x => x.Now, Now));

        var row = cut.Find(".row");
        Assert.Contains("unread", row.ClassList);
        Assert.Equal("Alice Example", cut.Find(".from").TextContent);
        Assert.Equal("Alice Example <alice@example.com>", cut.Find(".from").GetAttribute("title"));
        Assert.Equal("Hello", cut.Find(".subject").TextContent);
        Assert.Equal("To bob@example.net, Carol", cut.Find(".to").TextContent);
        Assert.Contains("First line of the body", cut.Find(".snippet").TextContent);
        Assert.Equal("2.0 KB", cut.Find(".size").TextContent);
        Assert.Equal("5 min", cut.Find("time").TextContent);
        Assert.Equal("2026-11-28 11:55:00 UTC", cut.Find("time").GetAttribute("title"));
        Assert.Equal("Unread", cut.Find(".unread-dot").GetAttribute("title"));
        Assert.Empty(cut.FindAll(".clip"));
    }

    [Fact]
    public void A_read_message_with_attachments_has_no_unread_marker_and_a_paper_clip()
    {
        var cut = Render<MessageRow>(p => p.Add(x => x.Message, Summary(isRead: true, attachments: 2, subject: "")).Add(x => x.Now, Now));

        Assert.DoesNotContain("unread", cut.Find(".row").ClassList);
        Assert.Equal("2 attachments", cut.Find(".clip").GetAttribute("title"));
        Assert.Equal("(no subject)", cut.Find(".subject").TextContent);
    }

    [Fact]
    public void Clicking_the_row_opens_it_and_clicking_the_checkbox_only_selects_it()
    {
        long? opened = null;
        long? toggled = null;
        var cut = Render<MessageRow>(p => p
            .Add(x => x.Message, Summary())
            .Add(x => x.OnOpen, id => opened = id)
            .Add(x => x.OnToggle, id => toggled = id));

        cut.Find("input[type=checkbox]").Change(true);
        Assert.Equal(42, toggled);
        Assert.Null(opened);

        cut.Find(".row").Click();
        Assert.Equal(42, opened);
    }

    [Fact]
    public void Active_cursor_and_selected_states_are_classes()
    {
        var cut = Render<MessageRow>(p => p.Add(x => x.Message, Summary()).Add(x => x.Active, true).Add(x => x.Cursor, true).Add(x => x.Selected, true));

        var classes = cut.Find(".row").ClassList;
        Assert.Contains("active", classes);
        Assert.Contains("cursor", classes);
        Assert.Contains("selected", classes);
        Assert.True(cut.Find("input[type=checkbox]").HasAttribute("checked"));
    }

    [Fact]
    public void A_message_whose_checks_fail_has_the_check_marker_and_others_do_not()
    {
        var failing = Render<MessageRow>(p => p.Add(x => x.Message, Summary()).Add(x => x.Now, Now).Add(x => x.ChecksFail, true));
        Assert.Single(failing.FindAll("[data-testid=check-failed]"));

        var notChecked = Render<MessageRow>(p => p.Add(x => x.Message, Summary()).Add(x => x.Now, Now));
        Assert.Empty(notChecked.FindAll("[data-testid=check-failed]"));
    }
}
