'use strict';
/*
 * The simulated clock. Timestamps (created_at, token expiry, the 48 h before shop/redact) come from it so that tests
 * can set or advance time; the GraphQL leaky bucket and webhook backoff use real time, since tests wait for those.
 * Each shop can also run ahead by its own offset (shop.clockOffsetMs), so that a test moving time for its shop does
 * not expire the tokens of tests running in parallel on other shops.
 */
let base = null; // simulated ms at the moment `realAtBase` was taken, or null for real time
let realAtBase = 0;
let frozen = false;

function globalNow() {
  if (base === null) return Date.now();
  return frozen ? base : base + (Date.now() - realAtBase);
}

/** Simulated now in ms, for a shop if given (its offset added). */
function now(shop) {
  return globalNow() + ((shop && shop.clockOffsetMs) || 0);
}

function set({ now: at, frozen: freeze, advanceSeconds, advanceMs } = {}) {
  const current = globalNow();
  let next = current;
  if (at !== undefined && at !== null) {
    next = new Date(at).getTime();
    if (Number.isNaN(next)) throw new Error('"now" is not a date');
  }
  next += (Number(advanceSeconds) || 0) * 1000 + (Number(advanceMs) || 0);
  if (freeze !== undefined) frozen = Boolean(freeze);
  base = next;
  realAtBase = Date.now();
  return state();
}

function reset() {
  base = null;
  frozen = false;
  return state();
}

function state() {
  return { now: new Date(now()).toISOString(), frozen, simulated: base !== null };
}

/** ISO 8601 without milliseconds, like Shopify's DateTime. */
function iso(ms = now()) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Now for the shop as a Shopify DateTime. */
function isoAt(shop) {
  return iso(now(shop));
}

module.exports = { now, set, reset, state, iso, isoAt };
