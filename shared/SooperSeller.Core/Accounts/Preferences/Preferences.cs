using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.Preferences;

/// <summary>One user's preferences for one merchant (time zone, language, email notifications).</summary>
public sealed record PreferencesView(string TimeZone, string Language, NotificationsView Notifications)
{
    public const string DefaultTimeZone = "Asia/Karachi";
    public const string DefaultLanguage = "en";

    /// <summary>The languages the dashboard offers.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ur"];

    /// <summary>What a user who never saved preferences gets.</summary>
    public static PreferencesView Defaults { get; } = new(DefaultTimeZone, DefaultLanguage, new NotificationsView(new EmailNotificationsView(OrderBooked: true, CodRemitted: true, WeeklySummary: true)));
}

public sealed record NotificationsView(EmailNotificationsView Email);

/// <summary>Which events send the user an email.</summary>
public sealed record EmailNotificationsView(bool OrderBooked, bool CodRemitted, bool WeeklySummary);

/// <summary>The body of <c>PUT /api/me/preferences</c>: every field required (a full replacement).</summary>
public sealed record UpdatePreferencesCommand(string? TimeZone, string? Language, UpdateNotifications? Notifications);

public sealed record UpdateNotifications(UpdateEmailNotifications? Email);

public sealed record UpdateEmailNotifications(bool? OrderBooked, bool? CodRemitted, bool? WeeklySummary);

/// <summary>Where preferences are kept: a document per user in the merchant's partition.</summary>
public interface IPreferencesStore
{
    Task<PreferencesView?> GetAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken);

    Task SaveAsync(MerchantId merchantId, string userId, PreferencesView preferences, CancellationToken cancellationToken);
}

/// <summary>Checks an update and turns it into preferences; a 400 names each bad field by its JSON path.</summary>
public static class PreferencesValidator
{
    public static PreferencesView Validate(UpdatePreferencesCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!IsTimeZone(command.TimeZone))
        {
            errors["timeZone"] = ["Give an IANA time zone id, such as Asia/Karachi."];
        }

        if (command.Language is null || !PreferencesView.Languages.Contains(command.Language, StringComparer.Ordinal))
        {
            errors["language"] = [$"Give one of: {string.Join(", ", PreferencesView.Languages)}."];
        }

        var email = command.Notifications?.Email;
        if (command.Notifications is null)
        {
            errors["notifications"] = ["Give the notification choices."];
        }
        else if (email is null)
        {
            errors["notifications.email"] = ["Give the email notification choices."];
        }
        else
        {
            Require(email.OrderBooked, "notifications.email.orderBooked");
            Require(email.CodRemitted, "notifications.email.codRemitted");
            Require(email.WeeklySummary, "notifications.email.weeklySummary");
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return new PreferencesView(command.TimeZone!, command.Language!, new NotificationsView(new EmailNotificationsView(email!.OrderBooked!.Value, email.CodRemitted!.Value, email.WeeklySummary!.Value)));

        void Require(bool? value, string field)
        {
            if (value is null)
            {
                errors[field] = ["Give true or false."];
            }
        }
    }

    /// <summary>An IANA id the runtime knows (Windows ids and offsets are refused: the front end works with IANA ids).</summary>
    public static bool IsTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id).HasIanaId;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}

/// <summary><c>GET</c> and <c>PUT /api/me/preferences</c>: the caller's own preferences for the merchant they act for.</summary>
public sealed class PreferencesHandler(IPreferencesStore store)
{
    public async Task<PreferencesView> GetAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken) =>
        await store.GetAsync(merchantId, userId, cancellationToken) ?? PreferencesView.Defaults;

    public async Task<PreferencesView> UpdateAsync(MerchantId merchantId, string userId, UpdatePreferencesCommand command, CancellationToken cancellationToken)
    {
        var preferences = PreferencesValidator.Validate(command);
        await store.SaveAsync(merchantId, userId, preferences, cancellationToken);
        return preferences;
    }
}
