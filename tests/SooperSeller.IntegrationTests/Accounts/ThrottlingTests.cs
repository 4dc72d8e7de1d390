using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>
/// Throttling through two DevHosts on the same Azurite and Cosmos database, as two app instances: whatever instance an
/// attempt reaches, it counts once, and a refusal is 429 ProblemDetails with Retry-After. Both share one fake clock.
/// Each test calls from a loopback address of its own (127.x.y.z), so per-client counters are its alone.
/// </summary>
public sealed class ThrottlingTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private const string Password = "chai and samosa at five";
    private const string WrongPassword = "not the password at all";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly IPAddress _source = LoopbackClient.FreshAddress();
    private TestDevHost? _first;
    private TestDevHost? _second;
    private HttpClient? _one;
    private HttpClient? _two;

    private HttpClient One => _one!;

    private HttpClient Two => _two!;

    public async Task InitializeAsync()
    {
        _first = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" }, services: UseClock);
        _second = await TestDevHost.StartAsync(
            fixture.Emulators,
            settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true", ["Cosmos:Database"] = _first.Database },
            services: UseClock);
        _one = LoopbackClient.From(_source, _first.Host.BaseAddress);
        _two = LoopbackClient.From(_source, _second.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _one?.Dispose();
        _two?.Dispose();
        await _second!.DisposeAsync();
        await _first!.DisposeAsync();
    }

    [Fact]
    public async Task Login_FailuresSpreadOverTwoInstances_NextAttemptOnEitherIs429WithRetryAfter()
    {
        var email = await SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            using var failure = await LoginAsync(i % 2 == 0 ? One : Two, email, WrongPassword);
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }

        using var onFirst = await LoginAsync(One, email, Password);
        using var onSecond = await LoginAsync(Two, email, WrongPassword);

        await AssertTooManyRequestsAsync(onFirst, "1");
        await AssertTooManyRequestsAsync(onSecond, "1");
    }

    [Fact]
    public async Task Login_AfterEachWait_OneMoreTryAndTheNextWaitDoubles()
    {
        var email = await SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            using var failure = await LoginAsync(i % 2 == 0 ? One : Two, email, WrongPassword);
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        using var sixth = await LoginAsync(Two, email, WrongPassword);
        using var tooSoon = await LoginAsync(One, email, WrongPassword);
        _clock.Advance(TimeSpan.FromSeconds(2));
        using var seventh = await LoginAsync(One, email, WrongPassword);
        using var tooSoonAgain = await LoginAsync(Two, email, WrongPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        await AssertTooManyRequestsAsync(tooSoon, "2");
        Assert.Equal(HttpStatusCode.Unauthorized, seventh.StatusCode);
        await AssertTooManyRequestsAsync(tooSoonAgain, "4");
    }

    [Fact]
    public async Task Login_OwnerAfterTheWait_SignsInAndTheCounterStartsOverOnBothInstances()
    {
        var email = await SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            using var failure = await LoginAsync(i % 2 == 0 ? One : Two, email, WrongPassword);
        }

        using var refused = await LoginAsync(Two, email, Password);
        _clock.Advance(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero);
        using var owner = await LoginAsync(Two, email, Password);
        var afterwards = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var failure = await LoginAsync(i % 2 == 0 ? One : Two, email, WrongPassword);
            afterwards.Add(failure.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.All(afterwards, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
    }

    [Fact]
    public async Task Login_UnknownEmail_IsThrottledExactlyLikeAKnownOne()
    {
        var known = await SignUpAsync();
        var unknown = $"nobody.{Guid.NewGuid():N}@example.pk";
        for (var i = 0; i < 5; i++)
        {
            using var knownFailure = await LoginAsync(i % 2 == 0 ? One : Two, known, WrongPassword);
            using var unknownFailure = await LoginAsync(i % 2 == 0 ? One : Two, unknown, WrongPassword);
        }

        using var onKnown = await LoginAsync(One, known, WrongPassword);
        using var onUnknown = await LoginAsync(One, unknown, WrongPassword);

        await AssertTooManyRequestsAsync(onKnown, "1");
        await AssertTooManyRequestsAsync(onUnknown, "1");
        Assert.Equal(Detail(await onKnown.Content.ReadAsStringAsync()), Detail(await onUnknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Register_PastThePerAddressLimit_Answers202AlikeAndSendsNoMoreEmail()
    {
        var email = $"bombed.{Guid.NewGuid():N}@example.pk";
        var answers = new List<(HttpStatusCode Status, string Body)>();

        for (var i = 0; i < 7; i++)
        {
            using var register = await RegisterAsync(i % 2 == 0 ? One : Two, email);
            answers.Add((register.StatusCode, await register.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, answer => Assert.Equal((HttpStatusCode.Accepted, answers[0].Body), answer));
        Assert.Equal(5, await EmailsToAsync(email));
    }

    [SkippableFact]
    public async Task Register_PastThePerClientLimit_Is429WithRetryAfter()
    {
        Skip.If(_source.Equals(IPAddress.Loopback), "this system cannot call from a loopback address of the test's own");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 30; i++)
        {
            using var register = await RegisterAsync(i % 2 == 0 ? One : Two, $"shop{i}.{Guid.NewGuid():N}@example.pk");
            statuses.Add(register.StatusCode);
        }

        using var refused = await RegisterAsync(One, $"shop30.{Guid.NewGuid():N}@example.pk");
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Accepted, status));
        await AssertTooManyRequestsAsync(refused, "3600");
    }

    private void UseClock(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response, string retryAfter)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(retryAfter, response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(429, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("api/auth/login", new { email, password });

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email) =>
        client.PostAsJsonAsync("api/auth/register", new { name = "Ayesha Khan", email, password = Password, businessName = "Khan Textiles" });

    private static string? Detail(string problemJson) => JsonDocument.Parse(problemJson).RootElement.GetProperty("detail").GetString();

    // A new account, registered and verified through the first instance (from another address, so this test's counters start empty).
    private async Task<string> SignUpAsync()
    {
        var email = $"owner.{Guid.NewGuid():N}@example.pk";
        using var setup = LoopbackClient.From(LoopbackClient.FreshAddress(), _first!.Host.BaseAddress);
        using (var register = await RegisterAsync(setup, email))
        {
            Assert.Equal(HttpStatusCode.Accepted, register.StatusCode);
        }

        string? token = null;
        var found = await Eventually.HoldsAsync(
            async () =>
            {
                token = (await OutboxAsync(setup, email))
                    .SelectMany(item => item.GetProperty("links").EnumerateArray().Select(l => new Uri(l.GetString()!)))
                    .Where(link => link.AbsolutePath.EndsWith("/verify", StringComparison.Ordinal))
                    .Select(link => Uri.UnescapeDataString(link.Query["?token=".Length..]))
                    .FirstOrDefault();
                return token is not null;
            },
            TimeSpan.FromSeconds(30));
        Assert.True(found, "no verification email reached the outbox");
        using var verify = await setup.PostAsJsonAsync("api/auth/verify", new { token });
        Assert.Equal(HttpStatusCode.Created, verify.StatusCode);
        return email;
    }

    private async Task<int> EmailsToAsync(string email) => (await OutboxAsync(One, email)).Count;

    // Every message /dev/outbox holds for the address, page after page: the outbox is shared by the whole test run.
    private static async Task<List<JsonElement>> OutboxAsync(HttpClient client, string email)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("dev/outbox?limit=200" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            items.AddRange(page.GetProperty("items").EnumerateArray().Where(item => item.GetProperty("to").GetString() == email).Select(item => item.Clone()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }
}
