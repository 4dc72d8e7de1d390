'use strict';
/*
 * The control API under /_sim/ (plain JSON, no auth: loopback test plumbing). Documented in README.md.
 * Changes made here emit the webhooks Shopify would send for the same change in the admin.
 */
const crypto = require('crypto');
const clock = require('./clock');
const store = require('./store');
const oauth = require('./oauth');
const rest = require('./rest-shapes');
const { bucketOf } = require('./admin-api');

const SHOP_REDACT_DELAY_MS = 48 * 3600 * 1000;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function summary(shop) {
  return {
    domain: shop.domain,
    id: store.gid('Shop', shop.legacyId),
    legacyId: shop.legacyId,
    name: shop.name,
    plan: shop.plan,
    installed: shop.installed,
    uninstalledAt: shop.uninstalledAt,
    bucket: shop.bucketState ? shop.bucketState.status() : { ...shop.bucket, currentlyAvailable: shop.bucket.maximumAvailable },
    counts: {
      locations: shop.locations.length, products: shop.products.length, orders: shop.orders.length,
      webhookSubscriptions: shop.webhookSubscriptions.length, bulkOperations: shop.bulkOperations.length,
    },
  };
}

function seededIds(shop, created) {
  return {
    locations: created.locations.map((l) => ({ id: store.gid('Location', l.legacyId), legacyId: l.legacyId, name: l.name })),
    products: created.products.map((p) => ({
      id: store.gid('Product', p.legacyId),
      legacyId: p.legacyId,
      variants: p.variants.map((v) => ({
        id: store.gid('ProductVariant', v.legacyId), legacyId: v.legacyId, sku: v.sku, inventoryItemId: store.gid('InventoryItem', v.inventoryItemId),
      })),
    })),
    orders: created.orders.map((o) => ({ id: store.gid('Order', o.legacyId), legacyId: o.legacyId, name: o.name })),
  };
}

function createControl({ app, webhooks, bulk, versions }) {
  const requireShop = (domain) => {
    const shop = store.getShop(decodeURIComponent(domain));
    if (!shop) throw new HttpError(404, `no simulated shop ${domain}: create it with POST /_sim/shops`);
    return shop;
  };
  const findOrder = (shop, id) => {
    const order = store.findByLegacyId(shop.orders, id);
    if (!order) throw new HttpError(404, `no order ${id}`);
    return order;
  };
  const findProduct = (shop, id) => {
    const product = store.findByLegacyId(shop.products, id);
    if (!product) throw new HttpError(404, `no product ${id}`);
    return product;
  };
  const emit = (shop, topic, payload) => webhooks.emit(shop, topic, payload);

  function configureApp(body) {
    for (const key of ['appUrl', 'complianceUri', 'bulkDelayMs', 'defaultVersion']) if (body[key] !== undefined) app[key] = body[key];
    if (Array.isArray(body.webhooks)) app.webhooks = body.webhooks.map((w) => ({ topic: String(w.topic), uri: String(w.uri) }));
    if (body.webhookSettings) Object.assign(app.webhookSettings, body.webhookSettings);
    return publicApp();
  }

  function publicApp() {
    return {
      apiKey: app.apiKey, appUrl: app.appUrl, complianceUri: app.complianceUri, webhooks: app.webhooks,
      webhookSettings: app.webhookSettings, bulkDelayMs: app.bulkDelayMs, defaultVersion: app.defaultVersion, versions,
    };
  }

  const routes = [
    ['GET', /^\/_sim\/health$/, () => ({ ok: true, versions })],
    ['POST', /^\/_sim\/reset$/, () => {
      store.resetAll();
      oauth.resetAll();
      clock.reset();
      return { ok: true };
    }],
    ['GET', /^\/_sim\/clock$/, () => clock.state()],
    ['PUT', /^\/_sim\/clock$/, (m, body) => clock.set(body)],
    ['DELETE', /^\/_sim\/clock$/, () => clock.reset()],
    ['GET', /^\/_sim\/app$/, () => publicApp()],
    ['PUT', /^\/_sim\/app$/, (m, body) => configureApp(body)],
    ['POST', /^\/_sim\/shops$/, (m, body) => {
      if (store.getShop(body.domain)) oauth.revokeAll(store.getShop(body.domain));
      store.deleteShop(body.domain);
      try {
        return summary(store.createShop(body));
      } catch (err) {
        throw new HttpError(400, err.message);
      }
    }],
    ['GET', /^\/_sim\/shops$/, () => store.allShops().map(summary)],
    ['GET', /^\/_sim\/shops\/([^/]+)$/, (m) => summary(requireShop(m[1]))],
    ['DELETE', /^\/_sim\/shops\/([^/]+)$/, (m) => {
      const shop = requireShop(m[1]);
      oauth.revokeAll(shop);
      store.deleteShop(shop.domain);
      return { deleted: true };
    }],
    ['PUT', /^\/_sim\/shops\/([^/]+)\/bucket$/, (m, body) => {
      const shop = requireShop(m[1]);
      Object.assign(shop.bucket, { maximumAvailable: body.maximumAvailable ?? shop.bucket.maximumAvailable, restoreRate: body.restoreRate ?? shop.bucket.restoreRate });
      const bucket = bucketOf(shop);
      bucket.configure(shop.bucket.maximumAvailable, shop.bucket.restoreRate);
      if (body.currentlyAvailable !== undefined) {
        bucket.current();
        bucket.available = Math.min(bucket.maximumAvailable, Number(body.currentlyAvailable));
      }
      return bucket.status();
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/seed$/, (m, body) => {
      const shop = requireShop(m[1]);
      const created = {
        locations: (body.locations || []).map((l) => store.addLocation(shop, l)),
        products: (body.products || []).map((p) => store.addProduct(shop, p)),
        orders: [],
      };
      created.orders = (body.orders || []).map((o) => store.addOrder(shop, o));
      return seededIds(shop, created);
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/orders$/, (m, body) => {
      const shop = requireShop(m[1]);
      const order = store.addOrder(shop, body);
      emit(shop, 'orders/create', rest.order(shop, order));
      if (order.financialStatus === 'PAID') emit(shop, 'orders/paid', rest.order(shop, order));
      return rest.order(shop, order);
    }],
    ['GET', /^\/_sim\/shops\/([^/]+)\/orders\/([^/]+)$/, (m) => {
      const shop = requireShop(m[1]);
      return rest.order(shop, findOrder(shop, decodeURIComponent(m[2])));
    }],
    ['PATCH', /^\/_sim\/shops\/([^/]+)\/orders\/([^/]+)$/, (m, body) => {
      const shop = requireShop(m[1]);
      const order = findOrder(shop, decodeURIComponent(m[2]));
      const before = { financial: order.financialStatus, fulfillment: order.fulfillmentStatus };
      store.updateOrder(shop, order, body);
      const payload = rest.order(shop, order);
      emit(shop, 'orders/updated', payload);
      if (before.financial !== 'PAID' && order.financialStatus === 'PAID') emit(shop, 'orders/paid', payload);
      if (before.fulfillment !== 'FULFILLED' && order.fulfillmentStatus === 'FULFILLED') emit(shop, 'orders/fulfilled', payload);
      return payload;
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/orders\/([^/]+)\/cancel$/, (m, body) => {
      const shop = requireShop(m[1]);
      const order = store.cancelOrder(shop, findOrder(shop, decodeURIComponent(m[2])), body.reason || 'CUSTOMER');
      const payload = rest.order(shop, order);
      emit(shop, 'orders/cancelled', payload);
      emit(shop, 'orders/updated', payload);
      return payload;
    }],
    ['DELETE', /^\/_sim\/shops\/([^/]+)\/orders\/([^/]+)$/, (m) => {
      const shop = requireShop(m[1]);
      const order = findOrder(shop, decodeURIComponent(m[2]));
      shop.orders.splice(shop.orders.indexOf(order), 1);
      emit(shop, 'orders/delete', { id: order.legacyId });
      return { deleted: true, id: order.legacyId };
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/products$/, (m, body) => {
      const shop = requireShop(m[1]);
      const product = store.addProduct(shop, body);
      emit(shop, 'products/create', rest.product(shop, product));
      return rest.product(shop, product);
    }],
    ['GET', /^\/_sim\/shops\/([^/]+)\/products\/([^/]+)$/, (m) => {
      const shop = requireShop(m[1]);
      return rest.product(shop, findProduct(shop, decodeURIComponent(m[2])));
    }],
    ['PATCH', /^\/_sim\/shops\/([^/]+)\/products\/([^/]+)$/, (m, body) => {
      const shop = requireShop(m[1]);
      const product = store.updateProduct(shop, findProduct(shop, decodeURIComponent(m[2])), body);
      emit(shop, 'products/update', rest.product(shop, product));
      return rest.product(shop, product);
    }],
    ['DELETE', /^\/_sim\/shops\/([^/]+)\/products\/([^/]+)$/, (m) => {
      const shop = requireShop(m[1]);
      const product = findProduct(shop, decodeURIComponent(m[2]));
      shop.products.splice(shop.products.indexOf(product), 1);
      emit(shop, 'products/delete', { id: product.legacyId });
      return { deleted: true, id: product.legacyId };
    }],
    ['GET', /^\/_sim\/shops\/([^/]+)\/clock$/, (m) => {
      const shop = requireShop(m[1]);
      return { now: new Date(clock.now(shop)).toISOString(), offsetMs: shop.clockOffsetMs };
    }],
    ['PUT', /^\/_sim\/shops\/([^/]+)\/clock$/, (m, body) => {
      const shop = requireShop(m[1]);
      if (body.offsetMs !== undefined) shop.clockOffsetMs = Number(body.offsetMs) || 0;
      shop.clockOffsetMs += (Number(body.advanceSeconds) || 0) * 1000 + (Number(body.advanceMs) || 0);
      return { now: new Date(clock.now(shop)).toISOString(), offsetMs: shop.clockOffsetMs };
    }],
    ['GET', /^\/_sim\/shops\/([^/]+)\/counters$/, (m) => ({ ...requireShop(m[1]).counters })],
    ['DELETE', /^\/_sim\/shops\/([^/]+)\/counters$/, (m) => {
      const shop = requireShop(m[1]);
      shop.counters = store.newCounters();
      return shop.counters;
    }],
    ['GET', /^\/_sim\/shops\/([^/]+)\/webhooks\/deliveries$/, (m) => requireShop(m[1]).deliveries],
    ['DELETE', /^\/_sim\/shops\/([^/]+)\/webhooks\/deliveries$/, (m) => {
      requireShop(m[1]).deliveries = [];
      return [];
    }],
    ['GET', /^\/_sim\/shops\/([^/]+)\/webhooks\/subscriptions$/, (m) => requireShop(m[1]).webhookSubscriptions.map((s) => ({
      id: store.gid('WebhookSubscription', s.legacyId), topic: s.topic, uri: s.uri, apiVersion: s.apiVersion, consecutiveFailures: s.consecutiveFailures || 0,
    }))],
    ['PUT', /^\/_sim\/shops\/([^/]+)\/webhooks\/controls$/, (m, body) => {
      const shop = requireShop(m[1]);
      for (const key of ['duplicates', 'delayMs', 'hold']) if (body[key] !== undefined) shop.deliveryControls[key] = body[key];
      for (const key of ['retries', 'retryBackoffMs', 'timeoutMs', 'failureThreshold']) {
        if (body[key] !== undefined && body[key] !== null) shop.webhookSettings[key] = Number(body[key]);
      }
      return { ...shop.deliveryControls, ...app.webhookSettings, ...shop.webhookSettings, held: shop.heldDeliveries.length };
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/webhooks\/release$/, async (m, body) => {
      const shop = requireShop(m[1]);
      if (body.hold === false || body.hold === undefined) shop.deliveryControls.hold = false;
      return { released: await webhooks.release(shop, body.order || 'fifo', body.seed ?? 1) };
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/webhooks\/emit$/, (m, body) => {
      const shop = requireShop(m[1]);
      if (!body.topic) throw new HttpError(400, '"topic" is required');
      return emit(shop, String(body.topic), body.payload ?? {});
    }],
    ['PUT', /^\/_sim\/shops\/([^/]+)\/grant-scopes$/, (m, body) => {
      const shop = requireShop(m[1]);
      shop.grantScopes = Array.isArray(body.scopes) ? body.scopes.map(String) : null;
      return { grantScopes: shop.grantScopes };
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/access-tokens$/, (m, body) => oauth.issueDirect(requireShop(m[1]), body.scopes || [], body.expiring)],
    ['POST', /^\/_sim\/shops\/([^/]+)\/tokens\/expire$/, (m) => ({ expired: oauth.expireTokens(requireShop(m[1])) })],
    ['POST', /^\/_sim\/shops\/([^/]+)\/faults$/, (m, body) => {
      const shop = requireShop(m[1]);
      const count = body.count ?? 1;
      for (let i = 0; i < count; i += 1) shop.faults.push(body.hangMs ? { hangMs: Number(body.hangMs) } : { status: Number(body.status || 503) });
      return { queued: shop.faults.length };
    }],
    ['DELETE', /^\/_sim\/shops\/([^/]+)\/faults$/, (m) => {
      requireShop(m[1]).faults = [];
      return { queued: 0 };
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/uninstall$/, (m) => {
      const shop = requireShop(m[1]);
      oauth.revokeAll(shop);
      shop.installed = false;
      shop.uninstalledAt = clock.now(shop);
      // Subscribers hear about the uninstall before the app's shop-specific subscriptions go away with it.
      const result = emit(shop, 'app/uninstalled', rest.shopPayload(shop));
      shop.webhookSubscriptions = [];
      return { uninstalledAt: new Date(shop.uninstalledAt).toISOString(), ...result };
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/shop-redact$/, (m, body) => {
      const shop = requireShop(m[1]);
      if (!body.force) {
        if (shop.uninstalledAt === null) throw new HttpError(409, 'shop/redact is sent 48 h after an uninstall; the app is installed (force: true to send anyway)');
        if (clock.now(shop) - shop.uninstalledAt < SHOP_REDACT_DELAY_MS) throw new HttpError(409, 'shop/redact is sent 48 h after uninstall; advance the shop clock (PUT /_sim/shops/{shop}/clock {"advanceSeconds":172800}) or pass force: true');
      }
      return emit(shop, 'shop/redact', { shop_id: shop.legacyId, shop_domain: shop.domain });
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/customers-redact$/, (m, body) => {
      const shop = requireShop(m[1]);
      const { customer, orders } = customerAndOrders(shop, body);
      return emit(shop, 'customers/redact', {
        shop_id: shop.legacyId, shop_domain: shop.domain, customer, orders_to_redact: body.ordersToRedact || orders,
      });
    }],
    ['POST', /^\/_sim\/shops\/([^/]+)\/customers-data-request$/, (m, body) => {
      const shop = requireShop(m[1]);
      const { customer, orders } = customerAndOrders(shop, body);
      return emit(shop, 'customers/data_request', {
        shop_id: shop.legacyId, shop_domain: shop.domain, orders_requested: body.ordersRequested || orders, customer,
        data_request: { id: Number(body.dataRequestId) || crypto.randomInt(1000, 999999) },
      });
    }],
    ['GET', /^\/_sim\/shops\/([^/]+)\/install-url$/, (m) => {
      try {
        return { url: oauth.installUrl(requireShop(m[1]), app) };
      } catch (err) {
        if (err instanceof HttpError) throw err;
        throw new HttpError(409, err.message);
      }
    }],
  ];

  function customerAndOrders(shop, body) {
    let c = null;
    if (body.customerId) c = store.findByLegacyId(shop.customers, body.customerId);
    else if (body.email) c = shop.customers.find((x) => x.email === body.email) || null;
    const customer = c ? { id: c.legacyId, email: c.email, phone: c.phone } : { id: Number(body.customerId) || null, email: body.email || null, phone: body.phone || null };
    const orders = c ? shop.orders.filter((o) => o.customerId === c.legacyId).map((o) => o.legacyId) : [];
    return { customer, orders };
  }

  /** Handles /_sim/... ; returns {status, body, contentType?}. */
  async function handle(method, pathname, body) {
    const bulkFile = /^\/_sim\/bulk\/(\d+)\.jsonl$/.exec(pathname);
    if (bulkFile && method === 'GET') {
      const text = bulk.file(bulkFile[1]);
      if (text === undefined) return { status: 404, body: { error: 'no such bulk operation result' } };
      return { status: 200, raw: text, contentType: 'application/jsonl' };
    }
    for (const [verb, pattern, fn] of routes) {
      const m = pattern.exec(pathname);
      if (m && verb === method) {
        try {
          return { status: 200, body: await fn(m, body || {}) };
        } catch (err) {
          if (err instanceof HttpError) return { status: err.status, body: { error: err.message } };
          throw err;
        }
      }
    }
    return { status: 404, body: { error: `no control route ${method} ${pathname}` } };
  }

  return { handle, configureApp };
}

module.exports = { createControl };
