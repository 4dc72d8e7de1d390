using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Team management through the DevHost in sandbox mode: invitation links come from /dev/outbox.</summary>
public sealed class TeamTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestDevHost? _devHost;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    private AccountsApi Api => new(Client);

    public async Task InitializeAsync()
    {
        _devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" }, services: s => s.AddSingleton<TimeProvider>(_clock));
        _client = LoopbackClient.Fresh(_devHost.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _devHost!.DisposeAsync();
    }

    [Fact]
    public async Task InviteJoinRemove_Operator_JoinsCannotManageUsersAndIsRefusedOnceRemoved()
    {
        var owner = await SignUpOwnerAsync();
        var email = NewEmail();
        await InviteAsync(owner, email, "operator");

        using var accepted = await Client.PostAsJsonAsync("api/invitations/accept", new { token = await InvitationTokenAsync(email), name = "Bilal", password = AccountsApi.Password });
        var operatorSession = await SignedInAsync(accepted);
        using var forbidden = await Api.SendAsync(HttpMethod.Get, "api/users", operatorSession);
        var operatorId = await UserIdAsync(owner, email);
        using var removed = await Api.SendAsync(HttpMethod.Delete, $"api/users/{operatorId}", owner);
        using var refused = await Api.SendAsync(HttpMethod.Get, "api/me", operatorSession);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AcceptInvitation_SecondUse_IsRefusedNamingToken()
    {
        var owner = await SignUpOwnerAsync();
        var email = NewEmail();
        await InviteAsync(owner, email, "viewer");
        var token = await InvitationTokenAsync(email);
        using (var first = await Client.PostAsJsonAsync("api/invitations/accept", new { token, name = "Bilal", password = AccountsApi.Password }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await Client.PostAsJsonAsync("api/invitations/accept", new { token, name = "Bilal", password = AccountsApi.Password });

        await AssertBadRequestNamingAsync(second, "token");
    }

    [Fact]
    public async Task AcceptInvitation_AfterSevenDays_IsRefusedNamingToken()
    {
        var owner = await SignUpOwnerAsync();
        var email = NewEmail();
        await InviteAsync(owner, email, "viewer");
        var token = await InvitationTokenAsync(email);
        _clock.Advance(TimeSpan.FromDays(7));

        using var response = await Client.PostAsJsonAsync("api/invitations/accept", new { token, name = "Bilal", password = AccountsApi.Password });

        await AssertBadRequestNamingAsync(response, "token");
    }

    [Fact]
    public async Task RevokeInvitation_Pending_LinkStopsWorkingAndSecondRevokeIsNotFound()
    {
        var owner = await SignUpOwnerAsync();
        var email = NewEmail();
        var id = await InviteAsync(owner, email, "viewer");
        var token = await InvitationTokenAsync(email);

        using var revoked = await Api.SendAsync(HttpMethod.Delete, $"api/invitations/{id}", owner);
        using var again = await Api.SendAsync(HttpMethod.Delete, $"api/invitations/{id}", owner);
        using var accept = await Client.PostAsJsonAsync("api/invitations/accept", new { token, name = "Bilal", password = AccountsApi.Password });

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await AssertBadRequestNamingAsync(accept, "token");
    }

    [Fact]
    public async Task RevokeInvitation_AnotherMerchantsInvitation_IsNotFound()
    {
        var owner = await SignUpOwnerAsync();
        var other = await SignUpOwnerAsync();
        var id = await InviteAsync(owner, NewEmail(), "viewer");

        using var response = await Api.SendAsync(HttpMethod.Delete, $"api/invitations/{id}", other);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CreateInvitation_InvalidEmailAndOwnerRole_IsRefusedNamingBoth()
    {
        var owner = await SignUpOwnerAsync();

        using var response = await Api.SendAsync(HttpMethod.Post, "api/invitations", owner, new { email = "not an email", role = "owner" });

        var errors = await AssertBadRequestNamingAsync(response, "email");
        Assert.True(errors.TryGetProperty("role", out _));
    }

    [Fact]
    public async Task ChangeUserRole_OperatorToManager_EndsTheirSessionAndTheNextSignInMayManageUsers()
    {
        var owner = await SignUpOwnerAsync();
        var email = NewEmail();
        var member = await JoinAsync(owner, email, "operator");
        var id = await UserIdAsync(owner, email);

        using var changed = await Api.SendAsync(HttpMethod.Put, $"api/users/{id}/role", owner, new { role = "manager" });
        using var oldSession = await Api.SendAsync(HttpMethod.Get, "api/me", member);
        using var listed = await Api.SendAsync(HttpMethod.Get, "api/users", await Api.LoginAsync(email));

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task ChangeUserRole_TheOwner_Conflicts()
    {
        var owner = await SignUpOwnerAsync();

        using var response = await Api.SendAsync(HttpMethod.Put, $"api/users/{owner.UserId}/role", owner, new { role = "viewer" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task TransferOwnership_ToAMember_SwapsTheRolesAndEndsTheOldOwnersSession()
    {
        var ownerEmail = NewEmail();
        var owner = await Api.SignUpAsync(ownerEmail, "Team Traders " + ownerEmail[..6]);
        var email = NewEmail();
        await JoinAsync(owner, email, "manager");
        var id = await UserIdAsync(owner, email);

        using var transferred = await Api.SendAsync(HttpMethod.Post, "api/account/transfer-ownership", owner, new { userId = id });
        using var oldSession = await Api.SendAsync(HttpMethod.Get, "api/me", owner);
        using var formerOwner = await Api.SendAsync(HttpMethod.Get, "api/me", await Api.LoginAsync(ownerEmail));
        using var newOwner = await Api.SendAsync(HttpMethod.Get, "api/me", await Api.LoginAsync(email));

        Assert.Equal(HttpStatusCode.NoContent, transferred.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        Assert.Equal("manager", (await formerOwner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal("owner", (await newOwner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task AcceptInvitation_ExistingAccount_JoinsWithPasswordSwitchesBetweenMerchantsAndKeepsTheFirstOnceRemoved()
    {
        var email = NewEmail();
        var person = await Api.SignUpAsync(email, "Agency " + email[5..11]);
        var ownerB = await SignUpOwnerAsync();
        var outsider = await SignUpOwnerAsync();
        await InviteAsync(ownerB, email, "accountant");
        var token = await InvitationTokenAsync(email);
        _clock.Advance(TimeSpan.FromMinutes(1));

        using var wrongPassword = await Client.PostAsJsonAsync("api/invitations/accept", new { token, password = "not the right password" });
        using var accepted = await Client.PostAsJsonAsync("api/invitations/accept", new { token, password = AccountsApi.Password });
        _clock.Advance(TimeSpan.FromMinutes(1));
        var landed = await Api.LoginAsync(email);
        var meAfterSignIn = await MeAsync(landed);
        using var switched = await Api.SendAsync(HttpMethod.Post, "api/me/merchant", landed, new { merchantId = person.MerchantId });
        var inA = await SignedInAsync(switched);
        using var oldSession = await Api.SendAsync(HttpMethod.Get, "api/me", landed);
        var meInA = await MeAsync(inA);
        using var notAMember = await Api.SendAsync(HttpMethod.Post, "api/me/merchant", inA, new { merchantId = outsider.MerchantId });
        using var removed = await Api.SendAsync(HttpMethod.Delete, $"api/users/{person.UserId}", ownerB);
        var afterRemoval = await MeAsync(await Api.LoginAsync(email));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(ownerB.MerchantId, meAfterSignIn.GetProperty("merchant").GetProperty("id").GetString());
        Assert.Equal("accountant", meAfterSignIn.GetProperty("role").GetString());
        Assert.Equal(person.UserId, meAfterSignIn.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal([ownerB.MerchantId, person.MerchantId], MerchantIdsOf(meAfterSignIn));
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        Assert.Equal(person.MerchantId, meInA.GetProperty("merchant").GetProperty("id").GetString());
        Assert.Equal("owner", meInA.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notAMember.StatusCode);
        Assert.DoesNotContain(outsider.MerchantId, await notAMember.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(person.MerchantId, afterRemoval.GetProperty("merchant").GetProperty("id").GetString());
        Assert.Equal([person.MerchantId], MerchantIdsOf(afterRemoval));
    }

    [Fact]
    public async Task RemoveUser_PersonInTwoMerchants_EndsOnlyTheirSessionsInThatMerchant()
    {
        var email = NewEmail();
        var person = await Api.SignUpAsync(email, "Agency " + email[5..11]);
        var ownerB = await SignUpOwnerAsync();
        await InviteAsync(ownerB, email, "accountant");
        _clock.Advance(TimeSpan.FromMinutes(1)); // joining B is then the most recent use, so sign-in lands there
        using (var accepted = await Client.PostAsJsonAsync("api/invitations/accept", new { token = await InvitationTokenAsync(email), password = AccountsApi.Password }))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var inB = await Api.LoginAsync(email);
        using var switched = await Api.SendAsync(HttpMethod.Post, "api/me/merchant", await Api.LoginAsync(email), new { merchantId = person.MerchantId });
        var inA = await SignedInAsync(switched);
        using var removed = await Api.SendAsync(HttpMethod.Delete, $"api/users/{person.UserId}", ownerB);
        using var bAfter = await Api.SendAsync(HttpMethod.Get, "api/me", inB);
        using var aAfter = await Api.SendAsync(HttpMethod.Get, "api/me", inA);
        using var firstSessionInA = await Api.SendAsync(HttpMethod.Get, "api/me", person);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstSessionInA.StatusCode);
    }

    private static string[] MerchantIdsOf(JsonElement me) =>
        [.. me.GetProperty("merchants").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];

    private async Task<JsonElement> MeAsync(SignedIn session)
    {
        using var me = await Api.SendAsync(HttpMethod.Get, "api/me", session);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        return await me.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string NewEmail() => $"team.{Guid.NewGuid():N}@example.pk";

    private Task<SignedIn> SignUpOwnerAsync()
    {
        var email = NewEmail();
        return Api.SignUpAsync(email, "Team Traders " + email[5..11]);
    }

    private async Task<string> InviteAsync(SignedIn owner, string email, string role)
    {
        using var response = await Api.SendAsync(HttpMethod.Post, "api/invitations", owner, new { email, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<SignedIn> JoinAsync(SignedIn owner, string email, string role)
    {
        await InviteAsync(owner, email, role);
        using var accepted = await Client.PostAsJsonAsync("api/invitations/accept", new { token = await InvitationTokenAsync(email), name = "Bilal", password = AccountsApi.Password });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        return await SignedInAsync(accepted);
    }

    private async Task<string> UserIdAsync(SignedIn owner, string email)
    {
        using var users = await Api.SendAsync(HttpMethod.Get, "api/users", owner);
        return (await users.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
    }

    private static async Task<SignedIn> SignedInAsync(HttpResponseMessage response) =>
        new(AccountsApi.SessionCookieOf(response), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!, string.Empty, string.Empty);

    private static async Task<JsonElement> AssertBadRequestNamingAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors does not name {field}");
        return errors;
    }

    /// <summary>The token of the invitation link sent to <paramref name="email"/>, read from /dev/outbox.</summary>
    private async Task<string> InvitationTokenAsync(string email)
    {
        string? token = null;
        var found = await Eventually.HoldsAsync(
            async () =>
            {
                var outbox = await Client.GetFromJsonAsync<JsonElement>("dev/outbox");
                token = outbox.GetProperty("items").EnumerateArray()
                    .Where(item => item.GetProperty("to").GetString() == email)
                    .SelectMany(item => item.GetProperty("links").EnumerateArray().Select(l => new Uri(l.GetString()!)))
                    .Where(link => link.AbsolutePath.EndsWith("/accept-invitation", StringComparison.Ordinal))
                    .Select(link => Uri.UnescapeDataString(link.Query["?token=".Length..]))
                    .LastOrDefault();
                return token is not null;
            },
            TimeSpan.FromSeconds(30));
        return found ? token! : throw new InvalidOperationException("No invitation email reached the outbox.");
    }
}
