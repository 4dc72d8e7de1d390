using SooperSeller.Core.Accounts.Preferences;
using SooperSeller.Core.Errors;

namespace SooperSeller.UnitTests.Accounts.Preferences;

public class PreferencesValidatorTests
{
    private static readonly UpdateEmailNotifications AllEmail = new(OrderBooked: true, CodRemitted: false, WeeklySummary: true);

    [Fact]
    public void Validate_ValidCommand_ReturnsThePreferences()
    {
        var command = new UpdatePreferencesCommand("Asia/Dubai", "ur", new UpdateNotifications(AllEmail));

        var preferences = PreferencesValidator.Validate(command);

        Assert.Equal(new PreferencesView("Asia/Dubai", "ur", new NotificationsView(new EmailNotificationsView(true, false, true))), preferences);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("+05:00")]
    [InlineData("Pakistan Standard Time")]
    public void Validate_UnknownTimeZone_FailsNamingTimeZone(string? timeZone)
    {
        var command = new UpdatePreferencesCommand(timeZone, "en", new UpdateNotifications(AllEmail));

        var failure = Assert.Throws<ValidationFailedException>(() => PreferencesValidator.Validate(command));

        Assert.Equal(["timeZone"], failure.Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fr")]
    [InlineData("EN")]
    public void Validate_LanguageNotOffered_FailsNamingLanguage(string? language)
    {
        var command = new UpdatePreferencesCommand("Asia/Karachi", language, new UpdateNotifications(AllEmail));

        var failure = Assert.Throws<ValidationFailedException>(() => PreferencesValidator.Validate(command));

        Assert.Equal(["language"], failure.Errors.Keys);
    }

    [Fact]
    public void Validate_MissingEmailChoice_FailsNamingThatChoice()
    {
        var command = new UpdatePreferencesCommand("Asia/Karachi", "en", new UpdateNotifications(new UpdateEmailNotifications(true, null, true)));

        var failure = Assert.Throws<ValidationFailedException>(() => PreferencesValidator.Validate(command));

        Assert.Equal(["notifications.email.codRemitted"], failure.Errors.Keys);
    }

    [Fact]
    public void Validate_MissingNotifications_FailsNamingNotifications()
    {
        var command = new UpdatePreferencesCommand("Asia/Karachi", "en", null);

        var failure = Assert.Throws<ValidationFailedException>(() => PreferencesValidator.Validate(command));

        Assert.Equal(["notifications"], failure.Errors.Keys);
    }

    [Fact]
    public void Defaults_NothingSaved_AreKarachiEnglishAndEveryEmail()
    {
        var defaults = PreferencesView.Defaults;

        Assert.Equal("Asia/Karachi", defaults.TimeZone);
        Assert.Equal("en", defaults.Language);
        Assert.Equal(new EmailNotificationsView(true, true, true), defaults.Notifications.Email);
    }
}
