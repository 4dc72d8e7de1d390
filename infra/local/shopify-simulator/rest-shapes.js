'use strict';
/*
 * Internal records -> Shopify REST JSON, the shape webhook payloads use (numeric ids, money as strings,
 * snake_case, financial_status in lower case, tags as one comma-separated string).
 */
const store = require('./store');

const lower = (v) => (v == null ? null : String(v).toLowerCase());

function priceSet(amount, currency) {
  const m = { amount: store.money(amount), currency_code: currency };
  return { shop_money: m, presentment_money: { ...m } };
}

function address(a) {
  if (!a) return null;
  return {
    first_name: a.firstName, last_name: a.lastName, name: [a.firstName, a.lastName].filter(Boolean).join(' '), company: a.company ?? null,
    address1: a.address1, address2: a.address2, city: a.city, province: a.province, province_code: a.provinceCode, zip: a.zip,
    country: a.country, country_code: a.countryCodeV2, phone: a.phone, latitude: null, longitude: null,
  };
}

function customer(shop, c) {
  if (!c) return null;
  return {
    id: c.legacyId, admin_graphql_api_id: store.gid('Customer', c.legacyId), email: c.email, phone: c.phone,
    first_name: c.firstName, last_name: c.lastName, created_at: c.createdAt, updated_at: c.updatedAt, state: 'disabled',
    currency: shop.currencyCode, verified_email: true, tags: '', note: null,
  };
}

function order(shop, o) {
  const t = store.orderTotals(o);
  const cc = o.currencyCode;
  const financial = { PENDING: 'pending', PAID: 'paid', PARTIALLY_PAID: 'partially_paid', REFUNDED: 'refunded', VOIDED: 'voided', AUTHORIZED: 'authorized', PARTIALLY_REFUNDED: 'partially_refunded', EXPIRED: 'expired' };
  const fulfillment = { FULFILLED: 'fulfilled', PARTIALLY_FULFILLED: 'partial', RESTOCKED: 'restocked' };
  const c = o.customerId ? store.findByLegacyId(shop.customers, o.customerId) : null;
  return {
    id: o.legacyId,
    admin_graphql_api_id: store.gid('Order', o.legacyId),
    name: o.name,
    number: o.number - 1000,
    order_number: o.number,
    confirmation_number: `SIM${o.legacyId % 1000000}`,
    confirmed: true,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    processed_at: o.processedAt,
    cancelled_at: o.cancelledAt,
    cancel_reason: lower(o.cancelReason),
    closed_at: o.closedAt,
    test: o.test,
    email: o.email,
    contact_email: o.email,
    phone: o.phone,
    note: o.note,
    tags: o.tags.join(', '),
    currency: cc,
    presentment_currency: cc,
    financial_status: financial[o.financialStatus] || lower(o.financialStatus),
    fulfillment_status: fulfillment[o.fulfillmentStatus] || null,
    gateway: o.paymentGatewayNames[0] || null,
    payment_gateway_names: o.paymentGatewayNames,
    subtotal_price: t.subtotal,
    current_subtotal_price: t.subtotal,
    total_price: t.total,
    current_total_price: o.cancelledAt ? '0.00' : t.total,
    total_discounts: t.discounts,
    current_total_discounts: t.discounts,
    total_tax: t.tax,
    current_total_tax: t.tax,
    total_outstanding: t.outstanding,
    total_line_items_price: store.money(o.lineItems.reduce((s, l) => s + Number(l.price) * l.quantity, 0)),
    total_shipping_price_set: priceSet(t.shipping, cc),
    total_price_set: priceSet(t.total, cc),
    current_total_price_set: priceSet(o.cancelledAt ? 0 : t.total, cc),
    subtotal_price_set: priceSet(t.subtotal, cc),
    total_discounts_set: priceSet(t.discounts, cc),
    taxes_included: false,
    tax_lines: [],
    discount_codes: [],
    line_items: o.lineItems.map((l) => ({
      id: l.legacyId,
      admin_graphql_api_id: store.gid('LineItem', l.legacyId),
      sku: l.sku,
      title: l.title,
      name: l.name,
      variant_title: l.variantTitle,
      variant_id: l.variantId,
      product_id: l.productId,
      quantity: l.quantity,
      current_quantity: o.cancelledAt ? 0 : l.quantity,
      fulfillable_quantity: o.fulfillmentStatus === 'FULFILLED' || o.cancelledAt ? 0 : l.quantity,
      fulfillment_status: o.fulfillmentStatus === 'FULFILLED' ? 'fulfilled' : null,
      price: l.price,
      price_set: priceSet(l.price, cc),
      total_discount: l.discount,
      total_discount_set: priceSet(l.discount, cc),
      discount_allocations: Number(l.discount) > 0
        ? [{ amount: l.discount, amount_set: priceSet(l.discount, cc), discount_application_index: 0 }] : [],
      requires_shipping: l.requiresShipping,
      taxable: false,
      gift_card: false,
      tax_lines: [],
    })),
    shipping_lines: [{ id: o.legacyId + 1, title: 'Standard', code: 'Standard', price: t.shipping, price_set: priceSet(t.shipping, cc), discounted_price: t.shipping }],
    shipping_address: address(o.shippingAddress),
    billing_address: address(o.shippingAddress),
    customer: customer(shop, c),
    fulfillments: [],
    refunds: [],
  };
}

function product(shop, p) {
  return {
    id: p.legacyId,
    admin_graphql_api_id: store.gid('Product', p.legacyId),
    title: p.title,
    handle: p.handle,
    status: lower(p.status),
    vendor: p.vendor,
    product_type: p.productType,
    tags: p.tags.join(', '),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    published_at: p.status === 'ACTIVE' ? p.createdAt : null,
    variants: p.variants.map((v) => ({
      id: v.legacyId,
      admin_graphql_api_id: store.gid('ProductVariant', v.legacyId),
      product_id: p.legacyId,
      title: v.title,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price,
      compare_at_price: v.compareAtPrice,
      position: v.position,
      inventory_item_id: v.inventoryItemId,
      inventory_quantity: v.inventoryQuantity,
      created_at: v.createdAt,
      updated_at: v.updatedAt,
    })),
  };
}

function shopPayload(shop) {
  return {
    id: shop.legacyId, name: shop.name, email: shop.email, domain: shop.domain, myshopify_domain: shop.domain,
    currency: shop.currencyCode, iana_timezone: shop.ianaTimezone, plan_name: shop.plan.toLowerCase(), plan_display_name: shop.plan,
    created_at: shop.createdAt,
  };
}

module.exports = { order, product, shopPayload, customer };
