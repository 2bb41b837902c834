using MailCatcher.Checks.Dkim;
using MailCatcher.Checks.Html;
using MimeKit;

namespace MailCatcher.Checks.Tests;

/// <summary>Every real-world message of tests/corpus goes through every offline check: no exception, no error status.</summary>
public sealed class CorpusChecksTests
{
    private static string CorpusFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "corpus", "messages");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/corpus/messages not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Every_corpus_message_goes_through_every_offline_check_without_an_exception_or_an_error()
    {
        var checks = new OfflineChecks(new HtmlCompatibilityCheck(CaniemailData.Shipped), DkimKeyStore.Empty, TimeProvider.System);
        var files = Directory.EnumerateFiles(CorpusFolder(), "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var errors = new List<string>();
        var withHtml = 0;
        foreach (var file in files)
        {
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file, TestContext.Current.CancellationToken);
            }
            catch (FormatException)
            {
                continue; // MessageView reports these as unparsable; there is nothing to check
            }
            using (message)
            {
                var result = await checks.RunAsync(1, message, TestContext.Current.CancellationToken);
                withHtml += result.Html.Status == CheckStatus.Skipped ? 0 : 1;
                foreach (var (name, check) in new (string, ICheckResult)[] { ("html", result.Html), ("senderRules", result.SenderRules), ("dkim", result.Dkim) })
                {
                    if (check.Status == CheckStatus.Error)
                    {
                        errors.Add($"{Path.GetRelativePath(CorpusFolder(), file)} {name}: {check.Summary}");
                    }
                }
            }
        }
        Assert.True(files.Count > 300, $"only {files.Count} corpus files");
        Assert.True(withHtml > 20, $"only {withHtml} messages had HTML");
        Assert.Empty(errors);
    }
}
