using System.Buffers.Text;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Polly;
using SooperSeller.Core.Common;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Infrastructure.Cosmos;

#pragma warning disable RS0030 // The tenant data base is the one place that may touch Container.

/// <summary>
/// The one way to a Cosmos container. Every method takes the <see cref="MerchantId"/> first and sets it as the partition
/// key, so a merchant's call can only ever reach that merchant's documents; the only cross-merchant access is in the
/// methods named <c>...AcrossMerchants</c>, for maintenance timers. It also refuses documents over
/// <see cref="MaxDocumentBytes"/> before they reach Cosmos, refuses multi-field ORDER BY queries no composite index
/// serves (as real Cosmos does), and retries 408/429/503 with backoff.
/// </summary>
public sealed class TenantContainer
{
    /// <summary>Cosmos refuses items over 2 MB; we stop at 1.5 MB to leave room for system properties and growth.</summary>
    public const int MaxDocumentBytes = 1536 * 1024;

    private readonly Container _container;
    private readonly ResiliencePipeline<ResponseMessage> _resilience;

    internal TenantContainer(Container container, ContainerDefinition definition, ResiliencePipeline<ResponseMessage> resilience)
    {
        _container = container;
        _resilience = resilience;
        Definition = definition;
    }

    public ContainerDefinition Definition { get; }

    public async Task<T?> ReadAsync<T>(MerchantId merchantId, string id, CancellationToken cancellationToken)
        where T : TenantDocument
    {
        var partitionKey = PartitionKeyOf(merchantId);
        ArgumentException.ThrowIfNullOrEmpty(id);
        using var response = await SendAsync(ct => _container.ReadItemStreamAsync(id, partitionKey, cancellationToken: ct), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return Owned(merchantId, await ReadBodyAsync<T>(response, cancellationToken));
    }

    /// <summary>Creates the document; <see cref="ConflictException"/> when one with its id exists.</summary>
    public async Task<T> CreateAsync<T>(MerchantId merchantId, T document, CancellationToken cancellationToken)
        where T : TenantDocument =>
        await TryCreateAsync(merchantId, document, cancellationToken)
        ?? throw new ConflictException($"{Describe<T>()} '{document.Id}' already exists.");

    /// <summary>Creates the document, or returns null when one with its id exists (idempotent create-only writes).</summary>
    public async Task<T?> TryCreateAsync<T>(MerchantId merchantId, T document, CancellationToken cancellationToken)
        where T : TenantDocument
    {
        var (partitionKey, body) = Prepare(merchantId, document);
        using var response = await SendAsync(ct => _container.CreateItemStreamAsync(new MemoryStream(body, writable: false), partitionKey, cancellationToken: ct), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        return await ReadBodyAsync<T>(response, cancellationToken);
    }

    /// <summary>
    /// Creates a document no merchant owns (an anonymous usage event) in the spread partition <c>anon-&lt;bucket&gt;</c>.
    /// Those keys are not merchant ids, so no merchant-scoped call can ever read them; only maintenance queries see them.
    /// </summary>
    public async Task<T> CreateUnattributedAsync<T>(int bucket, T document, CancellationToken cancellationToken)
        where T : TenantDocument
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentNullException.ThrowIfNull(document);
        document.MerchantId = $"anon-{bucket:D2}";
        var body = JsonSerializer.SerializeToUtf8Bytes(document, CosmosJson.Options);
        var partitionKey = new PartitionKey(document.MerchantId);
        using var response = await SendAsync(ct => _container.CreateItemStreamAsync(new MemoryStream(body, writable: false), partitionKey, cancellationToken: ct), cancellationToken);
        return await ReadBodyAsync<T>(response, cancellationToken);
    }

    public async Task<T> UpsertAsync<T>(MerchantId merchantId, T document, CancellationToken cancellationToken)
        where T : TenantDocument
    {
        var (partitionKey, body) = Prepare(merchantId, document);
        using var response = await SendAsync(ct => _container.UpsertItemStreamAsync(new MemoryStream(body, writable: false), partitionKey, cancellationToken: ct), cancellationToken);
        return await ReadBodyAsync<T>(response, cancellationToken);
    }

    /// <summary>
    /// Replaces the document. With <paramref name="ifMatch"/> (an ETag read earlier) a concurrent change is refused with
    /// <see cref="ConflictException"/>; a missing document is a <see cref="NotFoundException"/>.
    /// </summary>
    public async Task<T> ReplaceAsync<T>(MerchantId merchantId, T document, string? ifMatch, CancellationToken cancellationToken)
        where T : TenantDocument
    {
        var (partitionKey, body) = Prepare(merchantId, document);
        var options = new ItemRequestOptions { IfMatchEtag = ifMatch };
        using var response = await SendAsync(ct => _container.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), document.Id, partitionKey, options, ct), cancellationToken);
        ThrowIfMissingOrStale<T>(response, document.Id);
        return await ReadBodyAsync<T>(response, cancellationToken);
    }

    /// <summary>
    /// Replaces the document if it is unchanged since it was read (<paramref name="ifMatch"/>): the stored document, or
    /// null when someone changed or deleted it meanwhile (read again and decide again).
    /// </summary>
    public async Task<T?> TryReplaceAsync<T>(MerchantId merchantId, T document, string ifMatch, CancellationToken cancellationToken)
        where T : TenantDocument
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        try
        {
            return await ReplaceAsync(merchantId, document, ifMatch, cancellationToken);
        }
        catch (Exception e) when (e is ConflictException or NotFoundException)
        {
            return null;
        }
    }

    /// <summary>Applies patch operations atomically to one document (see the Cosmos partial-update operations).</summary>
    public async Task<T> PatchAsync<T>(MerchantId merchantId, string id, IReadOnlyList<PatchOperation> operations, string? ifMatch, CancellationToken cancellationToken)
        where T : TenantDocument
    {
        var partitionKey = PartitionKeyOf(merchantId);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Any(o => o.Path is "/merchantId" or "/id"))
        {
            throw new ArgumentException("A patch may not change the id or the merchant of a document.", nameof(operations));
        }

        var options = new PatchItemRequestOptions { IfMatchEtag = ifMatch };
        using var response = await SendAsync(ct => _container.PatchItemStreamAsync(id, partitionKey, operations, options, ct), cancellationToken);
        ThrowIfMissingOrStale<T>(response, id);
        return Owned(merchantId, await ReadBodyAsync<T>(response, cancellationToken));
    }

    /// <summary>Deletes the document; false when it did not exist. With <paramref name="ifMatch"/> a stale ETag is a conflict.</summary>
    public async Task<bool> DeleteAsync<T>(MerchantId merchantId, string id, string? ifMatch, CancellationToken cancellationToken)
        where T : TenantDocument
    {
        var partitionKey = PartitionKeyOf(merchantId);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var options = new ItemRequestOptions { IfMatchEtag = ifMatch };
        using var response = await SendAsync(ct => _container.DeleteItemStreamAsync(id, partitionKey, options, ct), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        ThrowIfMissingOrStale<T>(response, id);
        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>
    /// One page of a parameterised query within the merchant's partition. <paramref name="cursor"/> is the
    /// <c>nextCursor</c> of the previous page (an opaque, URL-safe token).
    /// </summary>
    public async Task<Page<T>> QueryPageAsync<T>(MerchantId merchantId, QueryDefinition query, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var partitionKey = PartitionKeyOf(merchantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var continuation = Cursor.Decode(cursor);
        var (items, next) = await ReadQueryPageAsync<T>(query, partitionKey, limit, continuation, cancellationToken);
        return new Page<T>(Owned(merchantId, items), Cursor.Encode(next));
    }

    /// <summary>Every result of a parameterised query within the merchant's partition (scalars such as COUNT included).</summary>
    public async IAsyncEnumerable<T> QueryAsync<T>(MerchantId merchantId, QueryDefinition query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partitionKey = PartitionKeyOf(merchantId);
        string? continuation = null;
        do
        {
            (var items, continuation) = await ReadQueryPageAsync<T>(query, partitionKey, pageSize: null, continuation, cancellationToken);
            foreach (var item in Owned(merchantId, items))
            {
                yield return item;
            }
        }
        while (continuation is not null);
    }

    /// <summary>A query over every merchant's partition. Only for maintenance timers (retention, sweeps), never the request path.</summary>
    public async IAsyncEnumerable<T> QueryAcrossMerchantsAsync<T>(QueryDefinition query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            (var items, continuation) = await ReadQueryPageAsync<T>(query, partitionKey: null, pageSize: null, continuation, cancellationToken);
            foreach (var item in items)
            {
                yield return item;
            }
        }
        while (continuation is not null);
    }

    private async Task<(List<T> Items, string? Continuation)> ReadQueryPageAsync<T>(
        QueryDefinition query, PartitionKey? partitionKey, int? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Definition.EnsureIndexed(query.QueryText);
        var options = new QueryRequestOptions { PartitionKey = partitionKey, MaxItemCount = pageSize ?? -1 };
        using var response = await SendAsync(
            async ct =>
            {
                using var iterator = _container.GetItemQueryStreamIterator(query, continuation, options);
                return await iterator.ReadNextAsync(ct);
            },
            cancellationToken);

        if (response.StatusCode == HttpStatusCode.BadRequest && continuation is not null)
        {
            throw new ValidationFailedException("cursor", "The cursor is not valid for this list; start again without it.");
        }

        response.EnsureSuccessStatusCode();
        var envelope = await JsonSerializer.DeserializeAsync<QueryEnvelope<T>>(response.Content, CosmosJson.Options, cancellationToken);
        return (envelope?.Documents ?? [], response.ContinuationToken);
    }

    private Task<ResponseMessage> SendAsync(Func<CancellationToken, Task<ResponseMessage>> send, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(async ct => await send(ct), cancellationToken).AsTask();

    private static (PartitionKey PartitionKey, byte[] Body) Prepare<T>(MerchantId merchantId, T document)
        where T : TenantDocument
    {
        var partitionKey = PartitionKeyOf(merchantId);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(document.Id);
        document.MerchantId = merchantId.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(document, CosmosJson.Options);
        if (body.Length > MaxDocumentBytes)
        {
            throw new PayloadTooLargeException(
                $"{Describe<T>()} '{document.Id}' is {body.Length:N0} bytes; documents are limited to {MaxDocumentBytes:N0} bytes.", MaxDocumentBytes);
        }

        return (partitionKey, body);
    }

    private static PartitionKey PartitionKeyOf(MerchantId merchantId) =>
        merchantId.IsEmpty
            ? throw new ArgumentException("A merchant id is required for every data access.", nameof(merchantId))
            : new PartitionKey(merchantId.Value);

    private static void ThrowIfMissingOrStale<T>(ResponseMessage response, string id)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                throw new NotFoundException(Describe<T>(), id);
            case HttpStatusCode.PreconditionFailed:
                throw new ConflictException($"{Describe<T>()} '{id}' was changed by someone else; read it again and retry.");
        }
    }

    private static async Task<T> ReadBodyAsync<T>(ResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            throw new PayloadTooLargeException($"{Describe<T>()} is larger than the store accepts.", MaxDocumentBytes);
        }

        response.EnsureSuccessStatusCode();
        return await JsonSerializer.DeserializeAsync<T>(response.Content, CosmosJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("Cosmos returned an empty document.");
    }

    // Defence in depth: the partition key already confines a call to one merchant; a document of another merchant here
    // would be a bug in the store or the stand-in, and must never reach a caller.
    private static T Owned<T>(MerchantId merchantId, T item)
    {
        if (item is TenantDocument document && !string.Equals(document.MerchantId, merchantId.Value, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Cosmos returned a document of another merchant; refusing to hand it out.");
        }

        return item;
    }

    private static List<T> Owned<T>(MerchantId merchantId, List<T> items)
    {
        foreach (var item in items)
        {
            Owned(merchantId, item);
        }

        return items;
    }

    private static string Describe<T>()
    {
        var name = typeof(T).Name;
        return name.EndsWith("Document", StringComparison.Ordinal) ? name[..^"Document".Length] : name;
    }

    private sealed class QueryEnvelope<T>
    {
        [JsonPropertyName("Documents")]
        public List<T>? Documents { get; init; }
    }

    /// <summary>Continuation tokens travel in URLs as <c>cursor</c>: base64url of the token's UTF-8 bytes.</summary>
    private static class Cursor
    {
        public static string? Encode(string? continuation) =>
            continuation is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(continuation));

        public static string? Decode(string? cursor)
        {
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }

            try
            {
                return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            }
            catch (FormatException)
            {
                throw new ValidationFailedException("cursor", "The cursor is not valid for this list; start again without it.");
            }
        }
    }
}
