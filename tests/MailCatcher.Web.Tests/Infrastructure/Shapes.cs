namespace MailCatcher.Web.Tests.Infrastructure;

public sealed record SummaryDto(long Id, string Subject, bool IsRead, long SessionId, int AttachmentCount);

public sealed record PageDto(int Total, int Unread, List<SummaryDto> Messages);

public sealed record PartDto(string PartId, string? FileName, string ContentType, long Size, string? ContentId, bool Inline);

public sealed record DetailDto(long Id, string Subject, List<PartDto> Attachments);
