'use strict';
/*
 * Internal records -> GraphQL objects. Fields not set here resolve through resolvers.js's default field resolver
 * (null, or an empty value for non-null fields), so shapes only carry what the simulator knows. Arrays under
 * *Connection fields are paged by the connection helper.
 */
const store = require('./store');

const { gid } = store;

function moneyV2(amount, currencyCode) {
  return { __typename: 'MoneyV2', amount: store.money(amount), currencyCode };
}

function moneyBag(amount, currencyCode) {
  return { __typename: 'MoneyBag', shopMoney: moneyV2(amount, currencyCode), presentmentMoney: moneyV2(amount, currencyCode) };
}

function shopNode(shop) {
  return {
    __typename: 'Shop',
    id: gid('Shop', shop.legacyId),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    myshopifyDomain: shop.domain,
    url: `https://${shop.domain}`,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    timezoneAbbreviation: 'PKT',
    timezoneOffset: '+0500',
    timezoneOffsetMinutes: 300,
    createdAt: shop.createdAt,
    plan: { __typename: 'ShopPlan', displayName: shop.plan, publicDisplayName: shop.plan, partnerDevelopment: false, shopifyPlus: /plus/i.test(shop.plan) },
    enabledPresentmentCurrencies: [shop.currencyCode],
    shopOwnerName: 'Shop Owner',
    taxesIncluded: false,
  };
}

function locationNode(shop, l) {
  return {
    __typename: 'Location',
    id: gid('Location', l.legacyId),
    legacyResourceId: String(l.legacyId),
    name: l.name,
    isActive: l.isActive,
    isPrimary: l.isPrimary,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    shipsInventory: true,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
    address: { __typename: 'LocationAddress', ...l.address, formatted: [l.address.address1, l.address.city, l.address.country].filter(Boolean) },
  };
}

function variantNode(shop, product, v, withProduct = true) {
  const node = {
    __typename: 'ProductVariant',
    id: gid('ProductVariant', v.legacyId),
    legacyResourceId: String(v.legacyId),
    title: v.title,
    displayName: `${product.title} - ${v.title}`,
    sku: v.sku,
    barcode: v.barcode,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    inventoryQuantity: v.inventoryQuantity,
    position: v.position,
    availableForSale: v.inventoryQuantity > 0,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    inventoryItem: () => ({
      __typename: 'InventoryItem', id: gid('InventoryItem', v.inventoryItemId), legacyResourceId: String(v.inventoryItemId),
      sku: v.sku, tracked: true, requiresShipping: true, createdAt: v.createdAt, updatedAt: v.updatedAt,
      variant: () => variantNode(shop, product, v),
    }),
  };
  if (withProduct) node.product = () => productNode(shop, product);
  return node;
}

function productNode(shop, p) {
  return {
    __typename: 'Product',
    id: gid('Product', p.legacyId),
    legacyResourceId: String(p.legacyId),
    title: p.title,
    handle: p.handle,
    status: p.status,
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.status === 'ACTIVE' ? p.createdAt : null,
    totalInventory: p.variants.reduce((s, v) => s + v.inventoryQuantity, 0),
    hasOnlyDefaultVariant: p.variants.length === 1 && p.variants[0].title === 'Default Title',
    variants: () => p.variants.map((v) => variantNode(shop, p, v)),
    variantsCount: { __typename: 'Count', count: p.variants.length, precision: 'EXACT' },
  };
}

function customerNode(shop, c) {
  return {
    __typename: 'Customer',
    id: gid('Customer', c.legacyId),
    legacyResourceId: String(c.legacyId),
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || '',
    email: c.email,
    phone: c.phone,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function addressNode(a) {
  if (!a) return null;
  return {
    __typename: 'MailingAddress',
    ...a,
    name: [a.firstName, a.lastName].filter(Boolean).join(' ') || null,
    countryCode: a.countryCodeV2,
    formatted: () => [a.address1, a.address2, a.city, a.province, a.zip, a.country].filter(Boolean),
  };
}

function lineItemNode(shop, order, l) {
  const cc = order.currencyCode;
  const discountedUnit = l.quantity ? Number(l.price) - Number(l.discount) / l.quantity : Number(l.price);
  const found = l.variantId ? store.findVariant(shop, { variantId: l.variantId }) : null;
  return {
    __typename: 'LineItem',
    id: gid('LineItem', l.legacyId),
    sku: l.sku,
    title: l.title,
    variantTitle: l.variantTitle,
    name: l.name,
    quantity: l.quantity,
    currentQuantity: order.cancelledAt ? 0 : l.quantity,
    unfulfilledQuantity: order.fulfillmentStatus === 'FULFILLED' ? 0 : l.quantity,
    fulfillableQuantity: order.fulfillmentStatus === 'FULFILLED' || order.cancelledAt ? 0 : l.quantity,
    requiresShipping: l.requiresShipping,
    taxable: false,
    isGiftCard: false,
    vendor: found ? found.product.vendor : null,
    variant: found ? () => variantNode(shop, found.product, found.variant) : null,
    product: found ? () => productNode(shop, found.product) : null,
    originalUnitPriceSet: moneyBag(l.price, cc),
    originalTotalSet: moneyBag(Number(l.price) * l.quantity, cc),
    discountedUnitPriceSet: moneyBag(discountedUnit, cc),
    discountedUnitPriceAfterAllDiscountsSet: moneyBag(discountedUnit, cc),
    discountedTotalSet: moneyBag(Number(l.price) * l.quantity - Number(l.discount), cc),
    totalDiscountSet: moneyBag(l.discount, cc),
    discountAllocations: Number(l.discount) > 0
      ? [{ __typename: 'DiscountAllocation', allocatedAmountSet: moneyBag(l.discount, cc), allocatedAmount: moneyV2(l.discount, cc) }]
      : [],
    taxLines: [],
  };
}

function fulfillmentOrderNode(shop, order, fo) {
  const location = fo.locationId ? store.findByLegacyId(shop.locations, fo.locationId) : null;
  return {
    __typename: 'FulfillmentOrder',
    id: gid('FulfillmentOrder', fo.legacyId),
    status: fo.status,
    requestStatus: 'UNSUBMITTED',
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    orderId: gid('Order', order.legacyId),
    orderName: order.name,
    orderProcessedAt: order.processedAt,
    order: () => orderNode(shop, order),
    assignedLocation: {
      __typename: 'FulfillmentOrderAssignedLocation',
      name: location ? location.name : 'Shop location',
      location: location ? () => locationNode(shop, location) : null,
      countryCode: 'PK',
    },
    lineItems: () => order.lineItems.map((l) => ({
      __typename: 'FulfillmentOrderLineItem',
      id: gid('FulfillmentOrderLineItem', l.legacyId),
      sku: l.sku,
      totalQuantity: l.quantity,
      remainingQuantity: fo.status === 'OPEN' ? l.quantity : 0,
      lineItem: () => lineItemNode(shop, order, l),
    })),
  };
}

function orderNode(shop, o) {
  const cc = o.currencyCode;
  const t = store.orderTotals(o);
  const customer = o.customerId ? store.findByLegacyId(shop.customers, o.customerId) : null;
  return {
    __typename: 'Order',
    id: gid('Order', o.legacyId),
    legacyResourceId: String(o.legacyId),
    name: o.name,
    number: o.number,
    confirmationNumber: `SIM${o.legacyId % 1000000}`,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    processedAt: o.processedAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    closed: o.closed,
    closedAt: o.closedAt,
    confirmed: true,
    test: o.test,
    tags: o.tags,
    note: o.note,
    email: o.email,
    phone: o.phone,
    displayFinancialStatus: o.financialStatus,
    displayFulfillmentStatus: o.fulfillmentStatus,
    paymentGatewayNames: o.paymentGatewayNames,
    currencyCode: cc,
    presentmentCurrencyCode: cc,
    fullyPaid: Number(t.outstanding) === 0,
    canMarkAsPaid: Number(t.outstanding) > 0 && !o.cancelledAt,
    unpaid: o.financialStatus === 'PENDING',
    totalPriceSet: moneyBag(t.total, cc),
    currentTotalPriceSet: moneyBag(o.cancelledAt ? 0 : t.total, cc),
    originalTotalPriceSet: moneyBag(t.total, cc),
    subtotalPriceSet: moneyBag(t.subtotal, cc),
    currentSubtotalPriceSet: moneyBag(t.subtotal, cc),
    totalDiscountsSet: moneyBag(t.discounts, cc),
    currentTotalDiscountsSet: moneyBag(t.discounts, cc),
    totalShippingPriceSet: moneyBag(t.shipping, cc),
    currentShippingPriceSet: moneyBag(t.shipping, cc),
    totalOutstandingSet: moneyBag(t.outstanding, cc),
    totalTaxSet: moneyBag(t.tax, cc),
    currentTotalTaxSet: moneyBag(t.tax, cc),
    totalReceivedSet: moneyBag(Number(t.total) - Number(t.outstanding), cc),
    netPaymentSet: moneyBag(Number(t.total) - Number(t.outstanding), cc),
    subtotalLineItemsQuantity: o.lineItems.reduce((s, l) => s + l.quantity, 0),
    currentSubtotalLineItemsQuantity: o.cancelledAt ? 0 : o.lineItems.reduce((s, l) => s + l.quantity, 0),
    discountCodes: [],
    shippingAddress: addressNode(o.shippingAddress),
    billingAddress: addressNode(o.shippingAddress),
    displayAddress: addressNode(o.shippingAddress),
    customer: customer ? () => customerNode(shop, customer) : null,
    lineItems: () => o.lineItems.map((l) => lineItemNode(shop, o, l)),
    fulfillmentOrders: () => o.fulfillmentOrders.map((fo) => fulfillmentOrderNode(shop, o, fo)),
    fulfillments: [],
    taxLines: [],
    currentTaxLines: [],
  };
}

function webhookSubscriptionNode(shop, s, apiVersion) {
  return {
    __typename: 'WebhookSubscription',
    id: gid('WebhookSubscription', s.legacyId),
    legacyResourceId: String(s.legacyId),
    topic: s.topic,
    uri: s.uri,
    callbackUrl: s.uri,
    format: 'JSON',
    filter: s.filter ?? null,
    includeFields: s.includeFields || [],
    metafieldNamespaces: [],
    metafields: [],
    name: s.name ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    apiVersion: { __typename: 'ApiVersion', handle: s.apiVersion || apiVersion, displayName: s.apiVersion || apiVersion, supported: true },
    endpoint: { __typename: 'WebhookHttpEndpoint', callbackUrl: s.uri },
  };
}

function bulkOperationNode(shop, b) {
  return {
    __typename: 'BulkOperation',
    id: gid('BulkOperation', b.legacyId),
    status: b.status,
    type: b.type,
    query: b.query,
    createdAt: b.createdAt,
    completedAt: b.completedAt,
    errorCode: b.errorCode,
    objectCount: String(b.objectCount),
    rootObjectCount: String(b.rootObjectCount),
    fileSize: b.fileSize == null ? null : String(b.fileSize),
    url: b.url,
    partialDataUrl: null,
  };
}

/** GraphQL object for a node found by store.findNode. */
function nodeFor(shop, found, apiVersion) {
  if (!found) return null;
  const { kind, entity, parent } = found;
  switch (kind) {
    case 'Order': return orderNode(shop, entity);
    case 'Product': return productNode(shop, entity);
    case 'ProductVariant': return variantNode(shop, parent, entity);
    case 'InventoryItem': return variantNode(shop, parent, entity).inventoryItem();
    case 'Location': return locationNode(shop, entity);
    case 'Customer': return customerNode(shop, entity);
    case 'LineItem': return lineItemNode(shop, parent, entity);
    case 'FulfillmentOrder': return fulfillmentOrderNode(shop, parent, entity);
    case 'WebhookSubscription': return webhookSubscriptionNode(shop, entity, apiVersion);
    case 'BulkOperation': return bulkOperationNode(shop, entity);
    case 'Shop': return shopNode(shop);
    default: return null;
  }
}

module.exports = {
  moneyBag, moneyV2, shopNode, locationNode, productNode, variantNode, customerNode, orderNode, lineItemNode,
  fulfillmentOrderNode, webhookSubscriptionNode, bulkOperationNode, nodeFor,
};
