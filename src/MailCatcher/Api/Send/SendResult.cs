using System.ComponentModel;

namespace MailCatcher.Api.Send;

/// <summary>The answer to <c>POST /api/v1/send</c>.</summary>
/// <param name="Id">The stored message's id.</param>
/// <param name="SessionId">The session recorded for the request (its transcript says it came from the API).</param>
internal sealed record SendResult(
    [property: Description("The stored message's id.")] long Id,
    [property: Description("The session recorded for the request; its transcript says it came from the API.")] long SessionId);
