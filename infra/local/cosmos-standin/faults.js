'use strict';
/*
 * Fault injection on data-plane requests (the dispatcher decides which requests qualify and
 * asks before applying anything, so a retried create never sees its own earlier write).
 */
const { randomUUID } = require('crypto');
const { CODES, httpError } = require('./errors');

const THROTTLED_SUBSTATUS = '3200'; // "request rate is large" (RU/s exhausted)

function validate({ rate, statuses, retryAfterMs }) {
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
  return { rate, statuses: [...statuses], retryAfterMs };
}

class Faults {
  /** defaults: { rate, statuses, retryAfterMs } from the command line. */
  constructor(defaults) {
    this.defaults = validate(defaults);
    this.config = { ...this.defaults };
    this.injected = 0;
  }

  /** PUT /_standin/faults: fields left out keep their current values. */
  set(partial) {
    if (!partial || typeof partial !== 'object') throw httpError(400, 'BadRequest', 'expected a JSON object');
    this.config = validate({ ...this.config, ...partial });
    return this.config;
  }

  /** DELETE /_standin/faults: no more faults; statuses and delay back to the CLI's. */
  clear() {
    this.config = { ...this.defaults, rate: 0 };
    return this.config;
  }

  /** Sends a fault response and returns true at the configured rate; false otherwise. */
  maybeInject(res) {
    const { rate, statuses, retryAfterMs } = this.config;
    if (!(rate > 0) || Math.random() >= rate) return false;
    const status = statuses[Math.floor(Math.random() * statuses.length)];
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
