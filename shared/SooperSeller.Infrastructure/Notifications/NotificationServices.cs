using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SooperSeller.Core.Notifications;

namespace SooperSeller.Infrastructure.Notifications;

public static class NotificationServices
{
    /// <summary>
    /// The outbox (<see cref="IOutbox"/> over Table storage and a queue), its delivery and sweep, and the sender:
    /// SMTP when <c>Email:Smtp:Host</c> is set, otherwise <see cref="HeldEmailSender"/>, which keeps messages in the outbox
    /// for <c>GET /dev/outbox</c>. On Azure a host is required, so a missing setting cannot silently hold every email.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.IsConfigured || !RunsOnAzure(), $"{SmtpOptions.SectionName}:Host is required in Azure; only the DevHost holds emails in the outbox.")
            .ValidateOnStart();

        services.TryAddSingleton(OutboxLocation.Default);
        services.AddSingleton<TableOutbox>();
        services.AddSingleton<IOutbox>(provider => provider.GetRequiredService<TableOutbox>());
        if (string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.SectionName}:Host"]))
        {
            services.AddSingleton<IEmailSender, HeldEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.AddTransient<DeliverOutgoingEmail>();
        return services;
    }

    // App Service and Functions set WEBSITE_INSTANCE_ID (as the secret store's guard does).
    private static bool RunsOnAzure() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID"));
}
