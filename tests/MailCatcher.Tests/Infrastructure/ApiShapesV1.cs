namespace MailCatcher.Tests.Infrastructure;

// The shapes of the search, wait, links and codes endpoints as tests read them.
public sealed record ProblemDto(string? Type, string? Title, int? Status, string? Detail);

public sealed record WaitResultDto(List<MessageSummaryDto> Messages);

public sealed record DeleteResultDto(int Deleted, List<long> Ids);

public sealed record LinkDto(string Url, string Text);

public sealed record CodeDto(string Code, string Context);
