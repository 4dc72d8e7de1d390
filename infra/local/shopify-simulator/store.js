'use strict';
/*
 * In-memory state of the simulated shops. Entities are kept in a neutral internal form and shaped for GraphQL
 * (graphql-shapes.js) or for REST webhook payloads (rest-shapes.js) on the way out, so that both views come from
 * one record. Ids are sequential per shop and kind, so seeded data gets the same ids on every run.
 */
const clock = require('./clock');

const ID_BASE = {
  Order: 5000000001, LineItem: 13000000001, Product: 7000000001, ProductVariant: 42000000001, InventoryItem: 44000000001,
  Location: 60000000001, Customer: 8000000001, FulfillmentOrder: 6000000001, WebhookSubscription: 1100000001,
  BulkOperation: 3000000001, MailingAddress: 9000000001,
};

const shops = new Map(); // domain -> shop
let shopSequence = 0;

const DOMAIN = /^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$/;

function gid(kind, id) {
  return `gid://shopify/${kind}/${id}`;
}

function parseGid(value) {
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(String(value));
  return m ? { kind: m[1], id: Number(m[2]) } : null;
}

function money(value) {
  return (Math.round(Number(value || 0) * 100) / 100).toFixed(2);
}

function createShop(options = {}) {
  const domain = String(options.domain || '').toLowerCase();
  if (!DOMAIN.test(domain)) throw new Error(`"${options.domain}" is not a valid myshopify.com domain`);
  shopSequence += 1;
  const label = domain.replace('.myshopify.com', '');
  const shop = {
    domain,
    legacyId: Number(options.id) || 60000000 + shopSequence,
    name: options.name || label,
    email: options.email || `owner@${label}.example`,
    currencyCode: options.currencyCode || 'PKR',
    ianaTimezone: options.ianaTimezone || 'Asia/Karachi',
    plan: options.plan || 'Basic',
    createdAt: clock.iso(),
    clockOffsetMs: 0,
    bucket: { maximumAvailable: 2000, restoreRate: 100, ...(options.bucket || {}) },
    installed: false,
    uninstalledAt: null,
    nextIds: {},
    locations: [],
    products: [],
    orders: [],
    customers: [],
    nextOrderNumber: 1001,
    webhookSubscriptions: [],
    bulkOperations: [],
    grantScopes: null, // scopes the next authorize grants (null: exactly the requested ones)
    faults: [], // queued faults for the next Admin requests: {status} or {hangMs}
    deliveryControls: { duplicates: 0, delayMs: 0, hold: false },
    webhookSettings: {}, // per-shop overrides of the app's retries/backoff/timeout/failureThreshold
    heldDeliveries: [],
    counters: newCounters(),
    deliveries: [],
  };
  shops.set(domain, shop);
  return shop;
}

function newCounters() {
  return {
    graphqlRequests: 0, throttled: 0, accessDenied: 0, unauthorized: 0, faultsInjected: 0,
    tokenExchanges: 0, tokenRefreshes: 0, failedTokenRequests: 0, authorizations: 0, webhookDeliveries: 0, webhookFailures: 0,
    bulkOperations: 0,
  };
}

function getShop(domain) {
  return shops.get(String(domain || '').toLowerCase()) || null;
}

function allShops() {
  return [...shops.values()];
}

function deleteShop(domain) {
  return shops.delete(String(domain || '').toLowerCase());
}

function resetAll() {
  shops.clear();
}

function nextId(shop, kind) {
  const n = shop.nextIds[kind] || 0;
  shop.nextIds[kind] = n + 1;
  // Shops get disjoint id ranges so a gid from one shop never finds an entity in another by accident.
  return ID_BASE[kind] + n + (shop.legacyId % 1000) * 1000000;
}

function addLocation(shop, input = {}) {
  const at = clock.isoAt(shop);
  const location = {
    legacyId: nextId(shop, 'Location'),
    name: input.name || `Location ${shop.locations.length + 1}`,
    isActive: input.isActive !== false,
    isPrimary: shop.locations.length === 0,
    fulfillsOnlineOrders: input.fulfillsOnlineOrders !== false,
    address: {
      address1: input.address1 ?? 'Plot 12, Industrial Area', address2: input.address2 ?? null, city: input.city ?? 'Karachi',
      province: input.province ?? 'Sindh', provinceCode: input.provinceCode ?? 'SD', zip: input.zip ?? '75500',
      country: input.country ?? 'Pakistan', countryCode: input.countryCode ?? 'PK', phone: input.phone ?? null,
    },
    createdAt: at,
    updatedAt: at,
  };
  shop.locations.push(location);
  return location;
}

function addProduct(shop, input = {}) {
  const at = input.createdAt ? clock.iso(new Date(input.createdAt).getTime()) : clock.isoAt(shop);
  const legacyId = nextId(shop, 'Product');
  const title = input.title || `Product ${shop.products.length + 1}`;
  const product = {
    legacyId,
    title,
    handle: input.handle || title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    status: input.status || 'ACTIVE',
    vendor: input.vendor || shop.name,
    productType: input.productType || '',
    tags: input.tags || [],
    createdAt: at,
    updatedAt: at,
    variants: [],
  };
  const variants = input.variants && input.variants.length ? input.variants : [{}];
  variants.forEach((v, i) => product.variants.push(newVariant(shop, product, v, i)));
  shop.products.push(product);
  return product;
}

function newVariant(shop, product, v, index) {
  return {
    legacyId: nextId(shop, 'ProductVariant'),
    productId: product.legacyId,
    inventoryItemId: nextId(shop, 'InventoryItem'),
    title: v.title || (index === 0 && !v.title ? 'Default Title' : `Variant ${index + 1}`),
    sku: v.sku ?? `SKU-${product.legacyId}-${index + 1}`,
    barcode: v.barcode ?? null,
    price: money(v.price ?? 1000),
    compareAtPrice: v.compareAtPrice == null ? null : money(v.compareAtPrice),
    inventoryQuantity: v.inventoryQuantity ?? 10,
    position: index + 1,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

function updateProduct(shop, product, patch = {}) {
  for (const key of ['title', 'handle', 'status', 'vendor', 'productType', 'tags']) {
    if (patch[key] !== undefined) product[key] = patch[key];
  }
  if (Array.isArray(patch.variants)) {
    patch.variants.forEach((v, i) => {
      const existing = v.id ? product.variants.find((x) => x.legacyId === Number(parseGid(v.id)?.id ?? v.id)) : product.variants[i];
      if (!existing) {
        product.variants.push(newVariant(shop, product, v, product.variants.length));
        return;
      }
      for (const key of ['title', 'sku', 'barcode', 'inventoryQuantity']) if (v[key] !== undefined) existing[key] = v[key];
      if (v.price !== undefined) existing.price = money(v.price);
      existing.updatedAt = clock.isoAt(shop);
    });
  }
  product.updatedAt = clock.isoAt(shop);
  return product;
}

function findVariant(shop, { variantId, sku }) {
  for (const product of shop.products) {
    for (const variant of product.variants) {
      if ((variantId && variant.legacyId === Number(parseGid(variantId)?.id ?? variantId)) || (sku && variant.sku === sku)) {
        return { product, variant };
      }
    }
  }
  return null;
}

function addCustomer(shop, input) {
  if (!input) return null;
  const existing = input.email ? shop.customers.find((c) => c.email === input.email) : null;
  if (existing) return existing;
  const customer = {
    legacyId: nextId(shop, 'Customer'),
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    createdAt: clock.isoAt(shop),
    updatedAt: clock.isoAt(shop),
  };
  shop.customers.push(customer);
  return customer;
}

const DEFAULT_ADDRESS = {
  firstName: 'Ayesha', lastName: 'Khan', address1: 'House 14, Street 7', address2: 'Gulshan-e-Iqbal Block 5', city: 'Karachi',
  province: 'Sindh', provinceCode: 'SD', zip: '75300', country: 'Pakistan', countryCodeV2: 'PK', phone: '+923001234567', company: null,
};

/**
 * Creates an order. input: {lineItems:[{sku|variantId, quantity, price?, discount?, title?}], shippingPrice, discount,
 * customer:{firstName,lastName,email,phone}|null (or noCustomer: true), shippingAddress:{...}|null (or noShippingAddress: true), financialStatus, fulfillmentStatus,
 * paymentGatewayNames, tags, note, email, phone, test, createdAt, number, cancelledAt, cancelReason, closedAt}
 */
function addOrder(shop, input = {}) {
  const createdMs = input.createdAt ? new Date(input.createdAt).getTime() : clock.now(shop);
  const number = input.number ?? shop.nextOrderNumber;
  shop.nextOrderNumber = Math.max(shop.nextOrderNumber, number + 1);
  const customer = input.customer === null || input.noCustomer ? null : addCustomer(shop, input.customer || {
    firstName: 'Ayesha', lastName: 'Khan', email: `customer${number}@example.com`, phone: '+923001234567',
  });
  const lineInputs = input.lineItems && input.lineItems.length ? input.lineItems : [{ quantity: 1 }];
  const order = {
    legacyId: nextId(shop, 'Order'),
    number,
    name: `#${number}`,
    createdAt: clock.iso(createdMs),
    updatedAt: input.updatedAt ? clock.iso(new Date(input.updatedAt).getTime()) : clock.iso(createdMs),
    processedAt: clock.iso(createdMs),
    // Seeded history may arrive already cancelled or closed (cancelledAt implies closed at the same time).
    cancelledAt: input.cancelledAt ? clock.iso(new Date(input.cancelledAt).getTime()) : null,
    cancelReason: input.cancelledAt ? (input.cancelReason || 'CUSTOMER') : null,
    closed: Boolean(input.cancelledAt || input.closedAt),
    closedAt: input.closedAt ? clock.iso(new Date(input.closedAt).getTime()) : input.cancelledAt ? clock.iso(new Date(input.cancelledAt).getTime()) : null,
    test: Boolean(input.test),
    tags: input.tags || [],
    note: input.note ?? null,
    email: input.email !== undefined ? input.email : customer ? customer.email : null,
    phone: input.phone !== undefined ? input.phone : customer ? customer.phone : null,
    financialStatus: input.financialStatus || 'PENDING',
    fulfillmentStatus: input.fulfillmentStatus || 'UNFULFILLED',
    paymentGatewayNames: input.paymentGatewayNames || ['Cash on Delivery (COD)'],
    currencyCode: shop.currencyCode,
    shippingPrice: money(input.shippingPrice ?? 200),
    orderDiscount: money(input.discount ?? 0),
    customerId: customer ? customer.legacyId : null,
    shippingAddress: input.shippingAddress === null || input.noShippingAddress ? null : { ...DEFAULT_ADDRESS, ...(input.shippingAddress || {}) },
    lineItems: lineInputs.map((line) => newLineItem(shop, line)),
    fulfillmentOrders: [],
  };
  order.fulfillmentOrders.push({
    legacyId: nextId(shop, 'FulfillmentOrder'),
    status: order.cancelledAt ? 'CANCELLED' : order.fulfillmentStatus === 'FULFILLED' ? 'CLOSED' : 'OPEN',
    locationId: shop.locations[0] ? shop.locations[0].legacyId : null,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  });
  shop.orders.push(order);
  return order;
}

function newLineItem(shop, line) {
  const found = findVariant(shop, line);
  const variant = found ? found.variant : null;
  const product = found ? found.product : null;
  const title = line.title || (product ? product.title : 'Custom item');
  const variantTitle = variant && variant.title !== 'Default Title' ? variant.title : null;
  return {
    legacyId: nextId(shop, 'LineItem'),
    sku: line.sku ?? (variant ? variant.sku : null),
    title,
    variantTitle,
    name: variantTitle ? `${title} - ${variantTitle}` : title,
    quantity: line.quantity ?? 1,
    price: money(line.price ?? (variant ? variant.price : 1000)),
    discount: money(line.discount ?? 0), // total discount allocated to the line
    variantId: variant ? variant.legacyId : null,
    productId: product ? product.legacyId : null,
    requiresShipping: true,
  };
}

function orderTotals(order) {
  const subtotal = order.lineItems.reduce((sum, l) => sum + Number(l.price) * l.quantity - Number(l.discount), 0) - Number(order.orderDiscount);
  const discounts = order.lineItems.reduce((sum, l) => sum + Number(l.discount), 0) + Number(order.orderDiscount);
  const total = subtotal + Number(order.shippingPrice);
  const paid = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(order.financialStatus) ? total : 0;
  return {
    subtotal: money(subtotal), discounts: money(discounts), shipping: order.shippingPrice, total: money(total),
    outstanding: money(order.cancelledAt ? 0 : total - paid), tax: money(0),
  };
}

function updateOrder(shop, order, patch = {}) {
  for (const key of ['tags', 'note', 'email', 'phone', 'financialStatus', 'fulfillmentStatus', 'paymentGatewayNames', 'test', 'closed']) {
    if (patch[key] !== undefined) order[key] = patch[key];
  }
  if (patch.shippingAddress !== undefined) {
    order.shippingAddress = patch.shippingAddress === null ? null : { ...(order.shippingAddress || DEFAULT_ADDRESS), ...patch.shippingAddress };
  }
  if (patch.shippingPrice !== undefined) order.shippingPrice = money(patch.shippingPrice);
  if (Array.isArray(patch.lineItems)) order.lineItems = patch.lineItems.map((line) => newLineItem(shop, line));
  if (patch.fulfillmentStatus === 'FULFILLED') order.fulfillmentOrders.forEach((fo) => { fo.status = 'CLOSED'; fo.updatedAt = clock.isoAt(shop); });
  if (patch.closed === true && !order.closedAt) order.closedAt = clock.isoAt(shop);
  if (patch.closed === false) order.closedAt = null;
  order.updatedAt = clock.isoAt(shop);
  return order;
}

function cancelOrder(shop, order, reason = 'CUSTOMER') {
  const at = clock.isoAt(shop);
  order.cancelledAt = at;
  order.cancelReason = reason;
  order.closed = true;
  order.closedAt = at;
  if (order.financialStatus === 'PENDING') order.financialStatus = 'VOIDED';
  order.fulfillmentOrders.forEach((fo) => { fo.status = 'CANCELLED'; fo.updatedAt = at; });
  order.updatedAt = at;
  return order;
}

function findByLegacyId(list, id) {
  const n = Number(parseGid(id)?.id ?? id);
  return list.find((x) => x.legacyId === n) || null;
}

/** Finds any entity by gid: returns {kind, entity, parent?} or null. */
function findNode(shop, id) {
  const parsed = parseGid(id);
  if (!parsed) return null;
  const { kind, id: n } = parsed;
  const simple = { Order: shop.orders, Product: shop.products, Location: shop.locations, Customer: shop.customers,
    WebhookSubscription: shop.webhookSubscriptions, BulkOperation: shop.bulkOperations };
  if (simple[kind]) {
    const entity = simple[kind].find((x) => x.legacyId === n);
    return entity ? { kind, entity } : null;
  }
  if (kind === 'ProductVariant' || kind === 'InventoryItem') {
    for (const product of shop.products) {
      const variant = product.variants.find((v) => (kind === 'ProductVariant' ? v.legacyId : v.inventoryItemId) === n);
      if (variant) return { kind, entity: variant, parent: product };
    }
  }
  if (kind === 'LineItem' || kind === 'FulfillmentOrder') {
    for (const order of shop.orders) {
      const entity = (kind === 'LineItem' ? order.lineItems : order.fulfillmentOrders).find((x) => x.legacyId === n);
      if (entity) return { kind, entity, parent: order };
    }
  }
  if (kind === 'Shop' && n === shop.legacyId) return { kind, entity: shop };
  return null;
}

module.exports = {
  createShop, getShop, allShops, deleteShop, resetAll, nextId, gid, parseGid, money, newCounters,
  addLocation, addProduct, updateProduct, addOrder, updateOrder, cancelOrder, orderTotals, findByLegacyId, findNode,
  findVariant, DOMAIN,
};
