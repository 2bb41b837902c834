using MailCatcher.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Database;

/// <summary>
/// The EF Core model of the mail store. Hot-path writes bypass it (see <c>Writing/</c>) but follow
/// this schema. Not sealed for one reason: <see cref="PostgresMailDbContext"/> is the same model
/// with PostgreSQL's names and its own migration history (issue 14).
/// </summary>
public class MailDbContext : DbContext
{
    public MailDbContext(DbContextOptions<MailDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, whose migrations are its own.</summary>
    protected MailDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<StoredMessage> Messages => Set<StoredMessage>();

    public DbSet<StoredMessageContent> MessageContents => Set<StoredMessageContent>();

    public DbSet<StoredSession> Sessions => Set<StoredSession>();

    public DbSet<StoredSessionTranscript> SessionTranscripts => Set<StoredSessionTranscript>();

    // Isolated inboxes (issue 13).
    public DbSet<StoredInbox> Inboxes => Set<StoredInbox>();

    public DbSet<StoreSetting> Settings => Set<StoreSetting>();

    // Relay outbox (issue 6).
    public DbSet<StoredOutboxEntry> OutboxEntries => Set<StoredOutboxEntry>();

    public DbSet<StoredOutboxContent> OutboxContents => Set<StoredOutboxContent>();

    public DbSet<StoredOutboxAttempt> OutboxAttempts => Set<StoredOutboxAttempt>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StoredMessage>(message =>
        {
            message.ToTable("Messages");
            message.HasKey(m => m.Id);
            // AUTOINCREMENT: ids are never reused after deletes, so IMAP UIDs stay unique.
            message.Property(m => m.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
            message.HasIndex(m => m.SessionId);
            message.HasIndex(m => m.ReceivedAt);
            message.HasIndex(m => m.IsRead);
            // The inbox leads the indexes that list, count and page one inbox (issue 13): newest
            // first is a walk of (InboxId, Id) backwards, unread a count over (InboxId, IsRead).
            message.Property(m => m.InboxId).HasDefaultValue(StoredInbox.DefaultId);
            message.HasIndex(m => new { m.InboxId, m.Id });
            message.HasIndex(m => new { m.InboxId, m.IsRead });
        });
        modelBuilder.Entity<StoredInbox>(inbox =>
        {
            inbox.ToTable("Inboxes");
            inbox.HasKey(i => i.Id);
            // Never reused: an inbox deleted and created again under its name is a new inbox, so an
            // old subscriber or token cannot see the new one's mail.
            inbox.Property(i => i.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
            inbox.Property(i => i.Name).HasMaxLength(64);
            inbox.HasIndex(i => i.Name).IsUnique();
            inbox.HasIndex(i => i.ExpiresAt);
        });
        modelBuilder.Entity<StoredMessageContent>(content =>
        {
            content.ToTable("MessageContents");
            content.HasKey(c => c.MessageId);
            content.Property(c => c.MessageId).ValueGeneratedNever();
            content.HasOne<StoredMessage>().WithOne().HasForeignKey<StoredMessageContent>(c => c.MessageId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StoredSession>(session =>
        {
            session.ToTable("Sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
            session.HasIndex(s => s.StartedAt);
            session.HasIndex(s => new { s.InboxId, s.Id });
        });
        modelBuilder.Entity<StoredSessionTranscript>(transcript =>
        {
            transcript.ToTable("SessionTranscripts");
            transcript.HasKey(t => t.SessionId);
            transcript.Property(t => t.SessionId).ValueGeneratedNever();
            transcript.HasOne<StoredSession>().WithOne().HasForeignKey<StoredSessionTranscript>(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StoreSetting>(setting =>
        {
            setting.ToTable("Settings");
            setting.HasKey(x => x.Key);
        });

        // Relay outbox (issue 6): entries, their own copy of the bytes, their attempts.
        modelBuilder.Entity<StoredOutboxEntry>(entry =>
        {
            entry.ToTable("OutboxEntries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
            entry.HasIndex(e => new { e.State, e.NextAttemptAt });
        });
        modelBuilder.Entity<StoredOutboxContent>(content =>
        {
            content.ToTable("OutboxContents");
            content.HasKey(c => c.EntryId);
            content.Property(c => c.EntryId).ValueGeneratedNever();
            content.HasOne<StoredOutboxEntry>().WithOne().HasForeignKey<StoredOutboxContent>(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StoredOutboxAttempt>(attempt =>
        {
            attempt.ToTable("OutboxAttempts");
            attempt.HasKey(a => a.Id);
            attempt.HasIndex(a => a.EntryId);
            attempt.HasOne<StoredOutboxEntry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
