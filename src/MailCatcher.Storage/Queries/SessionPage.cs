using MailCatcher.Core.Sessions;

namespace MailCatcher.Storage.Queries;

/// <summary>One page of the session list (design.md: <c>{ total, offset, sessions }</c>).</summary>
public sealed record SessionPage(int Total, int Offset, IReadOnlyList<SessionSummary> Sessions);
