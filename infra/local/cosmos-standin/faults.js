'use strict';
/*
 * Fault injection on data-plane requests (the dispatcher decides which requests qualify and
 * asks before applying anything, so a retried create never sees its own earlier write).
 */
const { randomUUID } = require('crypto');
const { CODES, httpError } = require('./errors');

const THROTTLED_SUBSTATUS = '3200'; // "request rate is large" (RU/s exhausted)

// A small seeded PRNG (mulberry32), so a test can ask for the same fault sequence on every run.
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function validate({ rate, statuses, retryAfterMs, maxPerOperation = null, seed = null }) {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw httpError(400, 'BadRequest', 'rate must be a number from 0 to 1');
  }
  if (!Array.isArray(statuses) || statuses.length === 0
      || !statuses.every((s) => Number.isInteger(s) && s >= 400 && s <= 599)) {
    throw httpError(400, 'BadRequest', 'statuses must be a non-empty array of HTTP error statuses');
  }
  if (!Number.isInteger(retryAfterMs) || retryAfterMs < 0) {
    throw httpError(400, 'BadRequest', 'retryAfterMs must be a non-negative integer');
  }
  if (maxPerOperation !== null && !(Number.isInteger(maxPerOperation) && maxPerOperation >= 1)) {
    throw httpError(400, 'BadRequest', 'maxPerOperation must be a positive integer or null');
  }
  if (seed !== null && !Number.isInteger(seed)) {
    throw httpError(400, 'BadRequest', 'seed must be an integer or null');
  }
  return { rate, statuses: [...statuses], retryAfterMs, maxPerOperation, seed };
}

// Faults charged per operation. The .NET SDK keeps x-ms-activity-id across the retries of
// one operation, so capping faults per activity id bounds how often one operation fails:
// uncapped, at rate 0.5 one operation in 1,024 draws ten 429s in a row and exhausts the
// SDK's default 9 throttle retries.
const MAX_TRACKED_OPERATIONS = 10000;

class Faults {
  /** defaults: { rate, statuses, retryAfterMs } from the command line. */
  constructor(defaults) {
    this.defaults = validate(defaults);
    this.config = { ...this.defaults };
    this.injected = 0;
    this.perOperation = new Map(); // activity id -> faults injected
    this.random = Math.random;
  }

  /** PUT /_standin/faults: fields left out keep their current values. */
  set(partial) {
    if (!partial || typeof partial !== 'object') throw httpError(400, 'BadRequest', 'expected a JSON object');
    this.config = validate({ ...this.config, ...partial });
    this.random = this.config.seed === null ? Math.random : seededRandom(this.config.seed);
    return this.config;
  }

  /** DELETE /_standin/faults: no more faults; statuses and delay back to the CLI's. */
  clear() {
    this.config = { ...this.defaults, rate: 0 };
    this.random = Math.random;
    return this.config;
  }

  /** Sends a fault response and returns true at the configured rate; false otherwise. */
  maybeInject(req, res) {
    const { rate, statuses, retryAfterMs, maxPerOperation } = this.config;
    if (!(rate > 0) || this.random() >= rate) return false;
    const operation = req.headers['x-ms-activity-id'];
    if (maxPerOperation && operation) {
      const count = this.perOperation.get(operation) || 0;
      if (count >= maxPerOperation) return false;
      if (this.perOperation.size >= MAX_TRACKED_OPERATIONS) this.perOperation.clear();
      this.perOperation.set(operation, count + 1);
    }
    const status = statuses[Math.floor(this.random() * statuses.length)];
    this.injected += 1;
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-ms-activity-id', randomUUID());
    res.setHeader('x-ms-request-charge', '0');
    res.setHeader('x-ms-standin-fault', 'true');
    if (status === 429) {
      res.setHeader('x-ms-retry-after-ms', String(retryAfterMs));
      res.setHeader('x-ms-substatus', THROTTLED_SUBSTATUS);
    }
    res.end(JSON.stringify({
      code: CODES[status] || 'Error',
      message: `Fault injected by the stand-in (status ${status}).`,
    }));
    return true;
  }
}

module.exports = { Faults };
