using MailCatcher.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Tests.Security;

/// <summary>One route the host serves, with a concrete path to call it at.</summary>
public sealed record Route(string Method, string Path, string Pattern, bool AllowsAnonymous = false)
{
    public bool IsSafe => Method is "GET" or "HEAD";

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Every route of a running host, read from its <see cref="EndpointDataSource"/>, so that the
/// security tests cover endpoints added after they were written. Route parameters get the value 1.
/// </summary>
public static class RouteCatalog
{
    public static IReadOnlyList<Route> All(TestHost host)
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<Route>();
        foreach (var endpoint in endpoints)
        {
            var path = PathOf(endpoint.RoutePattern);
            // No method metadata (SignalR's negotiate and connection endpoints): any method is routed.
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST", "DELETE"];
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            routes.AddRange(methods.Where(m => m != HttpMethods.Options).Select(m => new Route(m, path, endpoint.RoutePattern.RawText ?? path, anonymous)));
        }
        return [.. routes.DistinctBy(r => (r.Method, r.Path)).OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Paths that answer without credentials by design: liveness, log-in and log-out, Blazor's script,
    /// and endpoints that declare themselves anonymous (the API reference's icon).
    /// </summary>
    public static bool IsPublic(Route route) =>
        route.AllowsAnonymous || route.Path is "/healthz" or "/login" or "/logout" || route.Path.StartsWith("/_framework/", StringComparison.Ordinal)
        || (route.Path.StartsWith("/_content/", StringComparison.Ordinal) && route.IsSafe);

    private static string PathOf(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { IsCatchAll: true } => "x",
            RoutePatternParameterPart => "1",
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
