'use strict';
/*
 * Root resolvers for the Admin API subset the simulator implements, plus the default field resolver that turns
 * arrays under *Connection fields into pages. Root fields that are not implemented fail loudly with
 * NOT_IMPLEMENTED rather than returning plausible empties.
 */
const {
  GraphQLError, getNamedType, getNullableType, isNonNullType, isListType, isScalarType,
} = require('graphql');
const store = require('./store');
const shapes = require('./graphql-shapes');
const { connection, applySearch, compareKeys } = require('./connection');
const { isConnectionType } = require('./cost');
const clock = require('./clock');

function hasScope(ctx, scope) {
  const [verb, resource] = scope.split(/_(.+)/);
  return ctx.scopes.includes(scope) || (verb === 'read' && ctx.scopes.includes(`write_${resource}`));
}

function requireScope(ctx, info, ...anyOf) {
  if (anyOf.some((s) => hasScope(ctx, s))) return;
  const required = anyOf.map((s) => `\`${s}\``).join(' or ');
  ctx.shop.counters.accessDenied += 1;
  throw new GraphQLError(`Access denied for ${info.fieldName} field. Required access: ${required} access scope.`, {
    extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: `${required} access scope.` },
  });
}

const SCOPE_FOR_KIND = {
  Order: ['read_orders'], LineItem: ['read_orders'], FulfillmentOrder: ['read_merchant_managed_fulfillment_orders', 'read_orders'],
  Product: ['read_products'], ProductVariant: ['read_products'], InventoryItem: ['read_inventory', 'read_products'],
  Location: ['read_locations'], Customer: ['read_customers'],
};

function sortKeyOf(sortKey, fields) {
  const getter = fields[sortKey] || fields.ID;
  return (item) => [getter(item), item.legacyId];
}

function sorted(items, keyOf) {
  return items.slice().sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
}

function rootConnection(ctx, records, args, sortFields, searchFields, toNode) {
  const filtered = applySearch(records, args.query, (item, field) => (searchFields[field] ? searchFields[field](item) : undefined));
  const keyOf = sortKeyOf(args.sortKey || 'ID', sortFields);
  const items = sorted(filtered, keyOf);
  // Keys are computed on records, then mapped to GraphQL nodes only for the page.
  const page = connection(items, args, keyOf, { all: ctx.bulk });
  const map = (r) => toNode(r);
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })), nodes: page.nodes.map(map) };
}

const ORDER_SORT = {
  ID: (o) => o.legacyId, CREATED_AT: (o) => o.createdAt, UPDATED_AT: (o) => o.updatedAt, PROCESSED_AT: (o) => o.processedAt,
  ORDER_NUMBER: (o) => o.number, TOTAL_PRICE: (o) => Number(store.orderTotals(o).total),
};

const ORDER_SEARCH = {
  id: (o) => o.legacyId, created_at: (o) => o.createdAt, updated_at: (o) => o.updatedAt, processed_at: (o) => o.processedAt,
  name: (o) => [o.name, o.name.replace('#', '')], tag: (o) => o.tags, email: (o) => o.email, test: (o) => String(o.test),
  financial_status: (o) => o.financialStatus, fulfillment_status: (o) => o.fulfillmentStatus,
  status: (o) => (o.cancelledAt ? 'cancelled' : o.closed ? 'closed' : 'open'), sku: (o) => o.lineItems.map((l) => l.sku),
};

const PRODUCT_SORT = { ID: (p) => p.legacyId, CREATED_AT: (p) => p.createdAt, UPDATED_AT: (p) => p.updatedAt, TITLE: (p) => p.title };
const PRODUCT_SEARCH = {
  id: (p) => p.legacyId, created_at: (p) => p.createdAt, updated_at: (p) => p.updatedAt, title: (p) => p.title, handle: (p) => p.handle,
  status: (p) => p.status, tag: (p) => p.tags, sku: (p) => p.variants.map((v) => v.sku), vendor: (p) => p.vendor,
};

function allVariants(shop) {
  return shop.products.flatMap((p) => p.variants.map((v) => ({ ...v, product: p })));
}

function topicScopes(topic) {
  if (/^(ORDERS|FULFILLMENTS|FULFILLMENT_EVENTS|REFUNDS|ORDER_TRANSACTIONS)_/.test(topic)) return ['read_orders'];
  if (/^(PRODUCTS|COLLECTIONS|PRODUCT_LISTINGS)_/.test(topic)) return ['read_products'];
  if (/^(INVENTORY_LEVELS|INVENTORY_ITEMS)_/.test(topic)) return ['read_inventory'];
  if (/^LOCATIONS_/.test(topic)) return ['read_locations'];
  if (/^CUSTOMERS_/.test(topic)) return ['read_customers'];
  return [];
}

function isAllowedWebhookUri(uri) {
  let url;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  // Shopify only takes https; plain http is accepted for loopback receivers so tests need no certificates.
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function createRoot(services) {
  const query = {
    shop: (args, ctx) => shapes.shopNode(ctx.shop),
    currentAppInstallation: (args, ctx) => ({
      __typename: 'AppInstallation',
      id: store.gid('AppInstallation', ctx.shop.legacyId + 1),
      accessScopes: ctx.scopes.map((handle) => ({ __typename: 'AccessScope', handle, description: handle })),
      activeSubscriptions: [],
      launchUrl: services.appUrl() || `https://${ctx.shop.domain}/admin/apps`,
      uninstallUrl: null,
    }),
    locations: (args, ctx, info) => {
      requireScope(ctx, info, 'read_locations');
      const records = ctx.shop.locations.filter((l) => args.includeInactive || l.isActive);
      return rootConnection(ctx, records, args, { ID: (l) => l.legacyId, NAME: (l) => l.name },
        { id: (l) => l.legacyId, name: (l) => l.name, active: (l) => String(l.isActive) }, (l) => shapes.locationNode(ctx.shop, l));
    },
    location: (args, ctx, info) => {
      requireScope(ctx, info, 'read_locations');
      const l = args.id ? store.findByLegacyId(ctx.shop.locations, args.id) : ctx.shop.locations.find((x) => x.isPrimary);
      return l ? shapes.locationNode(ctx.shop, l) : null;
    },
    orders: (args, ctx, info) => {
      requireScope(ctx, info, 'read_orders');
      return rootConnection(ctx, ctx.shop.orders, args, ORDER_SORT, ORDER_SEARCH, (o) => shapes.orderNode(ctx.shop, o));
    },
    order: (args, ctx, info) => {
      requireScope(ctx, info, 'read_orders');
      const o = store.parseGid(args.id)?.kind === 'Order' ? store.findByLegacyId(ctx.shop.orders, args.id) : null;
      return o ? shapes.orderNode(ctx.shop, o) : null;
    },
    products: (args, ctx, info) => {
      requireScope(ctx, info, 'read_products');
      return rootConnection(ctx, ctx.shop.products, args, PRODUCT_SORT, PRODUCT_SEARCH, (p) => shapes.productNode(ctx.shop, p));
    },
    product: (args, ctx, info) => {
      requireScope(ctx, info, 'read_products');
      const p = store.parseGid(args.id)?.kind === 'Product' ? store.findByLegacyId(ctx.shop.products, args.id) : null;
      return p ? shapes.productNode(ctx.shop, p) : null;
    },
    productVariants: (args, ctx, info) => {
      requireScope(ctx, info, 'read_products');
      return rootConnection(ctx, allVariants(ctx.shop), args,
        { ID: (v) => v.legacyId, SKU: (v) => v.sku, TITLE: (v) => v.title, POSITION: (v) => v.position },
        { id: (v) => v.legacyId, sku: (v) => v.sku, barcode: (v) => v.barcode, product_id: (v) => v.productId, updated_at: (v) => v.updatedAt },
        (v) => shapes.variantNode(ctx.shop, v.product, v));
    },
    productVariant: (args, ctx, info) => {
      requireScope(ctx, info, 'read_products');
      const found = store.findNode(ctx.shop, args.id);
      return found && found.kind === 'ProductVariant' ? shapes.nodeFor(ctx.shop, found) : null;
    },
    customer: (args, ctx, info) => {
      requireScope(ctx, info, 'read_customers');
      const c = store.parseGid(args.id)?.kind === 'Customer' ? store.findByLegacyId(ctx.shop.customers, args.id) : null;
      return c ? shapes.customerNode(ctx.shop, c) : null;
    },
    node: (args, ctx, info) => nodeById(ctx, info, args.id),
    nodes: (args, ctx, info) => {
      if (args.ids.length > 250) throw new GraphQLError('The ids argument accepts at most 250 ids.', { extensions: { code: 'BAD_REQUEST' } });
      return args.ids.map((id) => nodeById(ctx, info, id));
    },
    webhookSubscriptions: (args, ctx) => {
      let records = ctx.shop.webhookSubscriptions;
      if (args.topics && args.topics.length) records = records.filter((s) => args.topics.includes(s.topic));
      const uri = args.uri || args.callbackUrl;
      if (uri) records = records.filter((s) => s.uri === uri);
      return rootConnection(ctx, records, args, { ID: (s) => s.legacyId, CREATED_AT: (s) => s.createdAt },
        { id: (s) => s.legacyId, topic: (s) => s.topic, created_at: (s) => s.createdAt },
        (s) => shapes.webhookSubscriptionNode(ctx.shop, s, ctx.apiVersion));
    },
    webhookSubscription: (args, ctx) => {
      const s = store.parseGid(args.id)?.kind === 'WebhookSubscription' ? store.findByLegacyId(ctx.shop.webhookSubscriptions, args.id) : null;
      return s ? shapes.webhookSubscriptionNode(ctx.shop, s, ctx.apiVersion) : null;
    },
    currentBulkOperation: (args, ctx) => {
      const type = args.type || 'QUERY';
      const mine = ctx.shop.bulkOperations.filter((b) => b.type === type);
      return mine.length ? shapes.bulkOperationNode(ctx.shop, mine[mine.length - 1]) : null;
    },
    bulkOperation: (args, ctx) => {
      const b = store.parseGid(args.id)?.kind === 'BulkOperation' ? store.findByLegacyId(ctx.shop.bulkOperations, args.id) : null;
      return b ? shapes.bulkOperationNode(ctx.shop, b) : null;
    },
  };

  function nodeById(ctx, info, id) {
    const found = store.findNode(ctx.shop, id);
    if (!found) return null;
    if (SCOPE_FOR_KIND[found.kind]) requireScope(ctx, info, ...SCOPE_FOR_KIND[found.kind]);
    return shapes.nodeFor(ctx.shop, found, ctx.apiVersion);
  }

  const mutation = {
    webhookSubscriptionCreate: (args, ctx) => {
      const input = args.webhookSubscription || {};
      const uri = input.uri ?? input.callbackUrl;
      const field = input.uri !== undefined ? 'uri' : 'callbackUrl';
      const fail = (message, f = ['webhookSubscription', field]) => ({ webhookSubscription: null, userErrors: [{ field: f, message }] });
      if (!uri || !isAllowedWebhookUri(uri)) return fail('Address is invalid');
      const needed = topicScopes(args.topic);
      if (needed.length && !needed.some((s) => hasScope(ctx, s))) {
        return fail(`Access denied for topic ${args.topic}. Required access: ${needed.map((s) => `\`${s}\``).join(' or ')} access scope.`, ['topic']);
      }
      if (ctx.shop.webhookSubscriptions.some((s) => s.topic === args.topic && s.uri === uri && (s.filter ?? null) === (input.filter ?? null))) {
        return fail('Address for this topic has already been taken');
      }
      const at = clock.isoAt(ctx.shop);
      const sub = {
        legacyId: store.nextId(ctx.shop, 'WebhookSubscription'),
        topic: args.topic,
        uri,
        filter: input.filter ?? null,
        includeFields: input.includeFields || [],
        name: input.name ?? null,
        apiVersion: ctx.apiVersion,
        createdAt: at,
        updatedAt: at,
        consecutiveFailures: 0,
      };
      ctx.shop.webhookSubscriptions.push(sub);
      return { webhookSubscription: shapes.webhookSubscriptionNode(ctx.shop, sub, ctx.apiVersion), userErrors: [] };
    },
    webhookSubscriptionDelete: (args, ctx) => {
      const s = store.parseGid(args.id)?.kind === 'WebhookSubscription' ? store.findByLegacyId(ctx.shop.webhookSubscriptions, args.id) : null;
      if (!s) return { deletedWebhookSubscriptionId: null, userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }] };
      ctx.shop.webhookSubscriptions.splice(ctx.shop.webhookSubscriptions.indexOf(s), 1);
      return { deletedWebhookSubscriptionId: store.gid('WebhookSubscription', s.legacyId), userErrors: [] };
    },
    bulkOperationRunQuery: (args, ctx) => services.bulk.run(ctx, args.query, args.groupObjects),
  };

  return { query, mutation };
}

function emptyFor(type) {
  if (!isNonNullType(type)) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) return [];
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Boolean': return false;
      case 'Int': case 'Float': return 0;
      case 'UnsignedInt64': return '0';
      case 'String': return '';
      default: return null;
    }
  }
  return null;
}

function fieldResolver(source, args, ctx, info) {
  const rootType = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
  if (source === null || source === undefined) return null;
  let value = source[info.fieldName];
  if (value === undefined && rootType) {
    throw new GraphQLError(`${info.fieldName} is not implemented by the Shopify simulator`, { extensions: { code: 'NOT_IMPLEMENTED' } });
  }
  if (typeof value === 'function') value = value(args, ctx, info);
  const named = getNamedType(info.returnType);
  if (Array.isArray(value) && isConnectionType(named)) return connection(value, args, null, { all: ctx.bulk });
  if (value === undefined) return emptyFor(info.returnType);
  return value;
}

module.exports = { createRoot, fieldResolver, hasScope };
