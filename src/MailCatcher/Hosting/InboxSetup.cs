using MailCatcher.Core.Options;

namespace MailCatcher.Hosting;

/// <summary>Registers the <c>--inbox</c> routing rules (issue 13); a bad rule stops MailCatcher at start.</summary>
internal static class InboxSetup
{
    public static void AddInboxRules(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(InboxOptions.Section).Get<InboxOptions>() ?? new InboxOptions();
        foreach (var text in options.Rules)
        {
            if (!InboxRuleParser.TryParse(text, out var rule, out var error))
            {
                throw new StartupException($"--inbox: {error}.");
            }
            builder.Services.AddSingleton(rule);
        }
    }
}
