using SooperSeller.Core.Accounts.Preferences;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Accounts;

/// <summary>Preferences as <c>preferences_&lt;userId&gt;</c> in the merchant's partition of <c>merchants</c>.</summary>
public sealed class CosmosPreferencesStore(TenantStore store) : IPreferencesStore
{
    private TenantContainer Container => store.For(TenantContainers.Merchants);

    public async Task<PreferencesView?> GetAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken) =>
        await Container.ReadAsync<PreferencesDocument>(merchantId, DocumentId(userId), cancellationToken) is { } document
            ? new PreferencesView(document.TimeZone, document.Language, new NotificationsView(new EmailNotificationsView(document.EmailOrderBooked, document.EmailCodRemitted, document.EmailWeeklySummary)))
            : null;

    public async Task SaveAsync(MerchantId merchantId, string userId, PreferencesView preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var email = preferences.Notifications.Email;
        await Container.UpsertAsync(
            merchantId,
            new PreferencesDocument
            {
                Id = DocumentId(userId),
                UserId = userId,
                TimeZone = preferences.TimeZone,
                Language = preferences.Language,
                EmailOrderBooked = email.OrderBooked,
                EmailCodRemitted = email.CodRemitted,
                EmailWeeklySummary = email.WeeklySummary,
            },
            cancellationToken);
    }

    private static string DocumentId(string userId) => "preferences_" + userId;

    private sealed record PreferencesDocument : TenantDocument
    {
        public string UserId { get; init; } = string.Empty;

        public string TimeZone { get; init; } = PreferencesView.DefaultTimeZone;

        public string Language { get; init; } = PreferencesView.DefaultLanguage;

        public bool EmailOrderBooked { get; init; }

        public bool EmailCodRemitted { get; init; }

        public bool EmailWeeklySummary { get; init; }
    }
}
