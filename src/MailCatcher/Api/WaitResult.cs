using System.ComponentModel;
using MailCatcher.Core.Messages;

namespace MailCatcher.Api;

/// <summary>What <c>GET /api/v1/messages/wait</c> returns once enough messages match.</summary>
[Description("The messages that satisfied a wait: the newest `count` matches, newest first.")]
public sealed record WaitResult([property: Description("Summaries of the matching messages, newest first.")] IReadOnlyList<MessageSummary> Messages);
