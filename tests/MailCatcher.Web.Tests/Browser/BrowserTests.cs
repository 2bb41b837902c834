namespace MailCatcher.Web.Tests.Browser;

/// <summary>Browser tests run one at a time: the machine is small and Chromium is not.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests
{
    public const string Name = "browser";
}
