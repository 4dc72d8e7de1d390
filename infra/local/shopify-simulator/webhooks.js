'use strict';
/*
 * Outgoing webhooks, signed like Shopify's (base64 HMAC-SHA256 of the raw body with the app secret) with the
 * X-Shopify-* headers. Each subscription of a topic gets its own delivery; retries are fast (tests must stay quick)
 * but follow Shopify's rules: only 2xx counts, and a shop-specific subscription is deleted after `failureThreshold`
 * consecutive failed attempts. Delivery controls (duplicates, delay, hold and release out of order) reproduce
 * what Shopify is documented to do to ordering and uniqueness.
 */
const crypto = require('crypto');
const http = require('http');
const https = require('https');
const clock = require('./clock');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const COMPLIANCE_TOPICS = new Set(['customers/data_request', 'customers/redact', 'shop/redact']);
const MAX_LOG = 1000;

function enumOf(topic) {
  return topic.toUpperCase().replace(/\//g, '_');
}

function sign(body, secret) {
  return crypto.createHmac('sha256', secret).update(body).digest('base64');
}

// Mulberry32: a seeded shuffle gives the same "random" order on every run of a test.
function shuffled(items, seed) {
  let a = (Number(seed) || 1) >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function post(uri, body, headers, timeoutMs) {
  return new Promise((resolve) => {
    let url;
    try {
      url = new URL(uri);
    } catch {
      resolve({ status: null, error: 'invalid address' });
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const options = {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: timeoutMs,
    };
    // Local receivers use self-signed certificates; anything off the machine is verified normally.
    if (url.protocol === 'https:' && LOOPBACK.has(url.hostname)) options.rejectUnauthorized = false;
    const req = client.request(url, options, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, error: null }));
      res.on('error', (err) => resolve({ status: res.statusCode, error: err.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: null, error: err.message }));
    req.end(body);
  });
}

function createWebhooks({ app }) {
  const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });

  async function attemptAll(shop, delivery) {
    const settings = { ...app.webhookSettings, ...shop.webhookSettings };
    const entry = {
      webhookId: delivery.headers['X-Shopify-Webhook-Id'], eventId: delivery.headers['X-Shopify-Event-Id'], topic: delivery.topic,
      uri: delivery.uri, subscriptionId: delivery.subscription ? delivery.subscription.legacyId : null, attempts: [], delivered: false,
    };
    shop.deliveries.push(entry);
    if (shop.deliveries.length > MAX_LOG) shop.deliveries.shift();
    for (let attempt = 0; attempt <= settings.retries; attempt += 1) {
      if (attempt > 0) await sleep(settings.retryBackoffMs * 2 ** (attempt - 1));
      const result = await post(delivery.uri, delivery.body, delivery.headers, settings.timeoutMs);
      entry.attempts.push({ status: result.status, error: result.error, at: new Date().toISOString() });
      shop.counters.webhookDeliveries += 1;
      const sub = delivery.subscription;
      if (result.status >= 200 && result.status < 300) {
        entry.delivered = true;
        if (sub) sub.consecutiveFailures = 0;
        return entry;
      }
      shop.counters.webhookFailures += 1;
      if (sub) {
        sub.consecutiveFailures = (sub.consecutiveFailures || 0) + 1;
        if (sub.consecutiveFailures >= settings.failureThreshold) {
          const i = shop.webhookSubscriptions.indexOf(sub);
          if (i >= 0) {
            shop.webhookSubscriptions.splice(i, 1);
            entry.subscriptionDeleted = true;
          }
          return entry;
        }
      }
    }
    return entry;
  }

  function dispatch(shop, delivery) {
    const { delayMs, hold } = shop.deliveryControls;
    if (hold) {
      shop.heldDeliveries.push(delivery);
      return;
    }
    const go = () => attemptAll(shop, delivery).catch((err) => process.stderr.write(`shopify-simulator: webhook: ${err.message}\n`));
    if (delayMs > 0) setTimeout(go, delayMs);
    else go();
  }

  /**
   * Emits one event of `topic` for the shop: one delivery per matching subscription (shop-specific ones from
   * webhookSubscriptionCreate, app-wide ones from PUT /_sim/app; compliance topics go to the app's complianceUri),
   * plus any duplicates the delivery controls ask for. Returns the event id.
   */
  function emit(shop, topic, payload, { apiVersion } = {}) {
    const targets = [];
    if (COMPLIANCE_TOPICS.has(topic)) {
      if (app.complianceUri) targets.push({ uri: app.complianceUri, subscription: null });
    } else {
      for (const sub of shop.webhookSubscriptions) if (sub.topic === enumOf(topic)) targets.push({ uri: sub.uri, subscription: sub });
      for (const sub of app.webhooks) if (sub.topic === topic) targets.push({ uri: sub.uri, subscription: null });
    }
    const eventId = crypto.randomUUID();
    const body = JSON.stringify(payload);
    const triggeredAt = new Date(clock.now(shop)).toISOString();
    for (const target of targets) {
      const copies = 1 + (Number(shop.deliveryControls.duplicates) || 0);
      for (let i = 0; i < copies; i += 1) {
        const headers = {
          'X-Shopify-Topic': topic,
          'X-Shopify-Hmac-Sha256': sign(body, app.apiSecret),
          'X-Shopify-Shop-Domain': shop.domain,
          'X-Shopify-API-Version': (target.subscription && target.subscription.apiVersion) || apiVersion || app.defaultVersion,
          'X-Shopify-Webhook-Id': crypto.randomUUID(),
          'X-Shopify-Event-Id': eventId,
          'X-Shopify-Triggered-At': triggeredAt,
        };
        dispatch(shop, { topic, uri: target.uri, subscription: target.subscription, body, headers });
      }
    }
    return { eventId, deliveries: targets.length * (1 + (Number(shop.deliveryControls.duplicates) || 0)) };
  }

  /** Sends the held deliveries: order "fifo", "reverse" or "shuffle" (with seed). Resolves when all are done. */
  async function release(shop, order = 'fifo', seed = 1) {
    const held = shop.heldDeliveries.splice(0);
    const list = order === 'reverse' ? held.reverse() : order === 'shuffle' ? shuffled(held, seed) : held;
    for (const delivery of list) await attemptAll(shop, delivery);
    return list.length;
  }

  return { emit, release, sign };
}

module.exports = { createWebhooks, sign, enumOf, COMPLIANCE_TOPICS };
