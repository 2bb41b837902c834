using MailCatcher.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MailCatcher.Storage.Database;

/// <summary>The EF Core model of the mail store. Hot-path writes bypass it (see <c>Writing/</c>) but follow this schema.</summary>
public sealed class MailDbContext(DbContextOptions<MailDbContext> options) : DbContext(options)
{
    public DbSet<StoredMessage> Messages => Set<StoredMessage>();

    public DbSet<StoredMessageContent> MessageContents => Set<StoredMessageContent>();

    public DbSet<StoredSession> Sessions => Set<StoredSession>();

    public DbSet<StoredSessionTranscript> SessionTranscripts => Set<StoredSessionTranscript>();

    public DbSet<StoreSetting> Settings => Set<StoreSetting>();

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
    }
}
