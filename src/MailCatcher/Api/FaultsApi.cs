using MailCatcher.Core.Options;
using MailCatcher.Protocols.Smtp.Faults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>
/// <c>GET/PUT /api/v1/faults</c>: the fault-injection rules in force, replaced at run time
/// without a restart. New sessions and the next command of open ones see the new rules.
/// </summary>
internal static class FaultsApi
{
    /// <summary>The rules, in the order they are tried; the first that fires wins.</summary>
    public sealed record FaultRules(IReadOnlyList<FaultRuleSettings> Rules);

    public static void MapFaultsApi(this IEndpointRouteBuilder routes)
    {
        var faults = routes.MapGroup("/api/v1/faults").WithTags("Faults");
        faults.MapGet("", GetFaults).WithName("GetFaults").WithSummary("The fault-injection rules in force.");
        faults.MapPut("", PutFaults).WithName("PutFaults").WithSummary("Replaces every fault-injection rule; an empty list turns fault injection off.");
    }

    private static Ok<FaultRules> GetFaults(FaultInjector injector) => TypedResults.Ok(Describe(injector));

    private static Results<Ok<FaultRules>, ProblemHttpResult> PutFaults(FaultRules body, FaultInjector injector)
    {
        if (body.Rules is null)
        {
            return ApiProblems.BadRequest("The body needs a rules array, e.g. { \"rules\": [] }.");
        }
        var rules = new List<FaultRule>(body.Rules.Count);
        for (var i = 0; i < body.Rules.Count; i++)
        {
            if (body.Rules[i] is not { } settings)
            {
                return ApiProblems.BadRequest($"rules[{i}] is null.");
            }
            if (!FaultRule.TryCreate(settings, out var rule, out var error))
            {
                return ApiProblems.BadRequest($"rules[{i}]: {error}.");
            }
            rules.Add(rule);
        }
        injector.Replace(rules);
        return TypedResults.Ok(Describe(injector));
    }

    private static FaultRules Describe(FaultInjector injector) => new([.. injector.Rules.Select(r => r.ToSettings())]);
}
