using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Components.Time;

/// <summary>Registers the per-circuit <see cref="ViewerClock"/> and the <see cref="TimeFormat"/> it cascades to every component.</summary>
public static class ViewerClockServices
{
    public static IServiceCollection AddViewerClock(this IServiceCollection services)
    {
        services.AddScoped<ViewerClock>();
        services.AddCascadingValue(provider => provider.GetRequiredService<ViewerClock>().Source);
        return services;
    }
}
