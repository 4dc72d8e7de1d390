using Microsoft.Extensions.Time.Testing;

namespace SooperSeller.UnitTests.Shopify;

/// <summary>
/// Shopify's leaky bucket on fake time: a query whose requested cost exceeds what is available is answered THROTTLED
/// (and counted); otherwise the cost is charged and the bucket reported, as Shopify does.
/// </summary>
internal sealed class FakeCostBucketShopify(FakeTimeProvider time, double maximum, double restoreRate, double queryCost)
{
    // Reported numbers travel through JSON as decimals; allow for the last bit of floating-point rounding.
    private const double Tolerance = 1e-6;

    private readonly Lock _gate = new();
    private double _available = double.PositiveInfinity; // full: capped to the maximum on first use
    private DateTimeOffset _updatedAt = time.GetUtcNow();
    private int _inFlight;

    public int Throttled { get; private set; }

    public int Served { get; private set; }

    public int MaxConcurrent { get; private set; }

    public HttpResponseMessage Answer(string dataJson)
    {
        lock (_gate)
        {
            _inFlight++;
            MaxConcurrent = Math.Max(MaxConcurrent, _inFlight);
            var now = time.GetUtcNow();
            _available = Math.Min(maximum, _available + (restoreRate * (now - _updatedAt).TotalSeconds));
            _updatedAt = now;
            string body;
            if (queryCost > _available + Tolerance)
            {
                Throttled++;
                body = """{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],"extensions":{"cost":{"requestedQueryCost":""" + ShopifyTestKit.N(queryCost)
                    + ""","actualQueryCost":null,"throttleStatus":{"maximumAvailable":""" + ShopifyTestKit.N(maximum) + ""","currentlyAvailable":""" + ShopifyTestKit.N(Math.Floor(_available))
                    + ""","restoreRate":""" + ShopifyTestKit.N(restoreRate) + "}}}}";
            }
            else
            {
                Served++;
                _available -= queryCost;
                body = ShopifyTestKit.Response(dataJson, queryCost, Math.Floor(_available), maximum, restoreRate);
            }

            _inFlight--;
            return FakeShopifyHandler.Json(body);
        }
    }
}
