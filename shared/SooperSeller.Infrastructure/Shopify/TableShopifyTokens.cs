using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Shopify;

namespace SooperSeller.Infrastructure.Shopify;

/// <summary>
/// Shopify's expiring offline tokens (60 minutes, with a rotating refresh token) in Table storage (table
/// <c>shopifytokens</c>, partition = shop domain), encrypted by <see cref="ShopifyTokenCipher"/> (architecture section 4).
/// A refresh is serialised across processes through the row's ETag: whoever first writes a short lease onto the row
/// (If-Match the version it read) refreshes and writes the new tokens (If-Match its lease); everyone else waits for
/// the new token instead of spending the refresh token too. A holder that dies leaves a lease that lapses after
/// <see cref="LeaseTime"/>; since August 2026 Shopify keeps the previous refresh token valid until its replacement is
/// used, so a refresh whose answer was lost can be repeated.
/// </summary>
public sealed partial class TableShopifyTokens(StorageClients storage, ShopifyTokenCipher cipher, ShopifyOAuth oauth, TimeProvider time, ILogger<TableShopifyTokens> logger) : IShopifyTokenStore
{
    public const string TableName = "shopifytokens";

    /// <summary>A token this close to its expiry is refreshed before use (clock skew, a slow request).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    private const string Row = "token";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly int MaxPolls = (int)(LeaseTime * 2 / PollInterval);
    private readonly string _owner = Guid.NewGuid().ToString("N");

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task SaveAsync(ShopDomain shop, ShopifyTokenSet tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(tokens);
        await Table.UpsertEntityAsync(await ToEntityAsync(shop, tokens, cancellationToken), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ForgetAsync(ShopDomain shop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        try
        {
            await Table.DeleteEntityAsync(shop.Value, Row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public async Task<string> GetAsync(ShopDomain shop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var row = await ReadAsync(shop, cancellationToken);
        return Fresh(row)
            ? await cipher.DecryptAsync(shop.Value, "Access", row.GetString("Access"), cancellationToken)
            : await RenewAsync(shop, rejectedToken: null, cancellationToken);
    }

    public Task<string> RefreshAsync(ShopDomain shop, string rejectedToken, CancellationToken cancellationToken) =>
        RenewAsync(shop, rejectedToken, cancellationToken);

    private async Task<string> RenewAsync(ShopDomain shop, string? rejectedToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var polls = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = await ReadAsync(shop, cancellationToken);
            var access = await cipher.DecryptAsync(shop.Value, "Access", row.GetString("Access"), cancellationToken);
            if (Fresh(row) && !string.Equals(access, rejectedToken, StringComparison.Ordinal))
            {
                return access; // refreshed by someone else meanwhile (or never stale)
            }

            var now = time.GetUtcNow();
            if (row.GetDateTimeOffset("LeaseUntil") is { } leaseUntil && leaseUntil > now)
            {
                // Polled in real time: the lease itself is judged by the injected clock.
                if (++polls > MaxPolls)
                {
                    throw new TimeoutException("Another process is refreshing this shop's token and has not finished; try again shortly.");
                }

                await Task.Delay(PollInterval, cancellationToken);
                continue;
            }

            if (row.GetString("Refresh") is not { } sealedRefresh)
            {
                throw new ShopifyNotConnectedException("The shop's token cannot be refreshed (no refresh token); connect the store again.");
            }

            ETag lease;
            try
            {
                var response = await Table.UpdateEntityAsync(new TableEntity(shop.Value, Row) { ["LeaseUntil"] = now + LeaseTime, ["LeaseOwner"] = _owner }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                lease = response.Headers.ETag ?? throw new InvalidOperationException("Table storage returned no ETag.");
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                continue; // someone else took the lease (or the shop was forgotten): look again
            }

            Log.Refreshing(logger, shop.Value);
            ShopifyTokenSet renewed;
            try
            {
                renewed = await oauth.RefreshAsync(shop, await cipher.DecryptAsync(shop.Value, "Refresh", sealedRefresh, cancellationToken), cancellationToken);
            }
            catch
            {
                await ReleaseLeaseAsync(shop, lease);
                throw;
            }

            try
            {
                await Table.UpdateEntityAsync(await ToEntityAsync(shop, renewed, cancellationToken), lease, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Forgotten (disconnected) or re-granted while we refreshed: the stored state is newer than ours.
                Log.LeaseLost(logger, shop.Value);
            }

            return renewed.AccessToken;
        }
    }

    private async Task ReleaseLeaseAsync(ShopDomain shop, ETag lease)
    {
        try
        {
            await Table.UpdateEntityAsync(new TableEntity(shop.Value, Row) { ["LeaseUntil"] = null, ["LeaseOwner"] = null }, lease, TableUpdateMode.Merge, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // the lease lapses by itself
        }
    }

    // No expiry stored: a non-expiring token (shops installed before expiring tokens).
    private bool Fresh(TableEntity row) =>
        row.GetDateTimeOffset("AccessExpiresAt") is not { } expires || expires - time.GetUtcNow() > RefreshMargin;

    private async Task<TableEntity> ReadAsync(ShopDomain shop, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(shop.Value, Row, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row ? row : throw new ShopifyNotConnectedException("The shop has no token; it is not connected.");
    }

    private async Task<TableEntity> ToEntityAsync(ShopDomain shop, ShopifyTokenSet tokens, CancellationToken cancellationToken) => new(shop.Value, Row)
    {
        ["Access"] = await cipher.EncryptAsync(shop.Value, "Access", tokens.AccessToken, cancellationToken),
        ["AccessExpiresAt"] = tokens.ExpiresAt == DateTimeOffset.MaxValue ? null : tokens.ExpiresAt,
        ["Refresh"] = tokens.RefreshToken is { } refresh ? await cipher.EncryptAsync(shop.Value, "Refresh", refresh, cancellationToken) : null,
        ["RefreshExpiresAt"] = tokens.RefreshTokenExpiresAt,
        ["Scopes"] = string.Join(',', tokens.Scopes),
    };

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Refreshing the Shopify access token of {Shop}")]
        public static partial void Refreshing(ILogger logger, string shop);

        [LoggerMessage(LogLevel.Information, "The Shopify token row of {Shop} changed while it was refreshed; the stored state is kept")]
        public static partial void LeaseLost(ILogger logger, string shop);
    }
}

/// <summary>The shop has no usable token: it was never connected, was disconnected, or its refresh token expired.</summary>
public sealed class ShopifyNotConnectedException : InvalidOperationException
{
    public ShopifyNotConnectedException()
    {
    }

    public ShopifyNotConnectedException(string message)
        : base(message)
    {
    }

    public ShopifyNotConnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
