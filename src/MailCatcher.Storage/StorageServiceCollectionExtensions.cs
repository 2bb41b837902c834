using MailCatcher.Core.Events;
using MailCatcher.Core.Inboxes;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Options;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Mailbox;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Search;
using MailCatcher.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailCatcher.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the mail store (SQLite, or PostgreSQL): the writer behind the protocol seams, the queries, the initializer.</summary>
    public static IServiceCollection AddMailStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.TryAddSingleton<MailEventBus>();
        services.AddSingleton<DatabaseLocation>();
        // SQLite by default; PostgreSQL for a postgres:// --db or Storage:Provider postgres (issue 14).
        services.AddSingleton<IDbContextFactory<MailDbContext>, MailDbContextFactory>();
        services.AddSingleton<GroupCommitWriter>();
        // Isolated inboxes (issue 13): the host adds the --inbox rules as InboxRule singletons.
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InboxDirectory>();
        services.AddSingleton<IInboxCredentials>(provider => provider.GetRequiredService<InboxDirectory>());
        services.AddSingleton(provider => new InboxRouter(provider.GetRequiredService<InboxDirectory>(), [.. provider.GetServices<InboxRule>()]));
        services.AddSingleton<InboxExpiryService>();
        services.AddHostedService(provider => provider.GetRequiredService<InboxExpiryService>());
        services.AddSingleton<SqliteMessageSink>();
        services.AddSingleton<IMessageSink>(provider => provider.GetRequiredService<SqliteMessageSink>());
        services.AddSingleton<ISessionRecorder>(provider => provider.GetRequiredService<SqliteMessageSink>());
        services.AddSingleton<MailQueries>();
        services.AddSingleton<MailEditor>();
        services.AddSingleton<MailDatabaseInitializer>();
        services.AddHostedService<SearchReindexer>();
        // Several instances on one PostgreSQL database (issue 14); nothing on SQLite.
        services.AddHostedService<Fanout.PostgresFanout>();
        services.AddSingleton<IMailboxStore, SqliteMailboxStore>();
        return services;
    }
}
