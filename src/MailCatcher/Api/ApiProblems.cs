using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>RFC 7807 problem details for the API's errors, with a sentence saying what is wrong.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static ProblemHttpResult BadRequest(string why) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: why);

    /// <summary>Checks the common paging parameters; null when they are fine.</summary>
    public static ProblemHttpResult? CheckPaging(int offset, int limit, int maxLimit)
    {
        if (offset < 0)
        {
            return BadRequest($"offset must be 0 or more; it was {offset}.");
        }
        if (limit < 1 || limit > maxLimit)
        {
            return BadRequest($"limit must be between 1 and {maxLimit}; it was {limit}.");
        }
        return null;
    }
}
