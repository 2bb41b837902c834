using MailCatcher.Api.Send;

namespace MailCatcher.Api;

/// <summary>The REST API's services (the wait coordinator, the OpenAPI document), wired by <c>MailCatcherApp</c> in one line.</summary>
internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddMailCatcherApi(this IServiceCollection services)
    {
        services.AddSingleton<MessageWaiters>();
        services.AddSingleton<ApiMessageSubmitter>();
        services.AddApiDocumentation();
        return services;
    }
}
