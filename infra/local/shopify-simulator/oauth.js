'use strict';
/*
 * Shopify's authorization-code grant, with expiring offline tokens and rotating refresh tokens.
 * The simulated merchant consents at once: /admin/oauth/authorize redirects straight to redirect_uri with a signed
 * code. Tokens and codes live in memory; token and code lifetimes run on the simulated clock.
 */
const crypto = require('crypto');
const clock = require('./clock');

const CODE_TTL_MS = 60 * 1000;
const ACCESS_TTL_S = 3599; // what Shopify answers as expires_in for a 60-minute token
const REFRESH_TTL_S = 90 * 24 * 3600 - 1;
const ONLINE_TTL_S = 86399;

const codes = new Map();
const accessTokens = new Map();
const refreshTokens = new Map();

function random(prefix) {
  return `${prefix}${crypto.randomBytes(16).toString('hex')}`;
}

/** Shopify's query-string signature: sorted k=v joined with &, URL-encoded with + as %20, hex HMAC-SHA256. */
function signParams(params, secret) {
  const message = Object.keys(params)
    .filter((k) => k !== 'hmac' && k !== 'signature')
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k])}`)
    .join('&');
  return crypto.createHmac('sha256', secret).update(message).digest('hex');
}

function hostParam(shopDomain) {
  return Buffer.from(`admin.shopify.com/store/${shopDomain.replace('.myshopify.com', '')}`, 'utf8').toString('base64');
}

function normalizeScopes(scope) {
  return [...new Set(String(scope || '').split(',').map((s) => s.trim()).filter(Boolean))];
}

function badRequest(description) {
  return { status: 400, body: { error: 'invalid_request', error_description: description } };
}

/** GET /{shop}/admin/oauth/authorize -> {status, headers|body}. */
function authorize(shop, query, app) {
  if (query.client_id !== app.apiKey) return { status: 400, body: { error: 'invalid_request', error_description: 'Oauth error invalid_request: The client_id is invalid' } };
  let redirect;
  try {
    redirect = new URL(query.redirect_uri);
  } catch {
    return badRequest('Oauth error invalid_request: The redirect_uri is missing or not an absolute URL');
  }
  const requested = normalizeScopes(query.scope);
  const granted = shop.grantScopes ? shop.grantScopes.slice() : requested;
  shop.grantScopes = null; // a control override applies to one consent
  const online = [].concat(query['grant_options[]'] || []).includes('per-user');
  const code = crypto.randomBytes(16).toString('hex');
  codes.set(code, { shop: shop.domain, scopes: granted, online, expiresAt: clock.now(shop) + CODE_TTL_MS, used: false });
  shop.counters.authorizations += 1;
  const params = {
    code, host: hostParam(shop.domain), shop: shop.domain, timestamp: String(Math.floor(clock.now(shop) / 1000)),
  };
  if (query.state !== undefined) params.state = query.state;
  params.hmac = signParams(params, app.apiSecret);
  for (const [k, v] of Object.entries(params)) redirect.searchParams.set(k, v);
  return { status: 302, headers: { location: redirect.toString() } };
}

function issue(shop, scopes, { expiring, online, predecessor = null }) {
  const accessToken = random('shpat_');
  const now = clock.now(shop);
  const record = { shop: shop.domain, scopes, expiresAt: null, revoked: false, online };
  const body = { access_token: accessToken, scope: scopes.join(',') };
  if (online) {
    record.expiresAt = now + ONLINE_TTL_S * 1000;
    Object.assign(body, {
      expires_in: ONLINE_TTL_S,
      associated_user_scope: scopes.join(','),
      associated_user: { id: 902541635, first_name: 'Staff', last_name: 'Member', email: 'staff@example.com', email_verified: true, account_owner: true, locale: 'en', collaborator: false },
    });
  } else if (expiring) {
    record.expiresAt = now + ACCESS_TTL_S * 1000;
    const refreshToken = random('shprt_');
    refreshTokens.set(refreshToken, { shop: shop.domain, scopes, expiresAt: now + REFRESH_TTL_S * 1000, retired: false, predecessor });
    Object.assign(body, { expires_in: ACCESS_TTL_S, refresh_token: refreshToken, refresh_token_expires_in: REFRESH_TTL_S });
  }
  accessTokens.set(accessToken, record);
  return body;
}

/** POST /{shop}/admin/oauth/access_token with a parsed form or JSON body. */
function accessToken(shop, params, app) {
  if (params.client_id !== app.apiKey || params.client_secret !== app.apiSecret) {
    shop.counters.failedTokenRequests += 1;
    return badRequest('Oauth error invalid_request: The client_id or client_secret is invalid');
  }
  const expiring = ['1', 'true', true, 1].includes(params.expiring);
  if (params.grant_type === 'refresh_token') {
    const record = refreshTokens.get(String(params.refresh_token || ''));
    if (!record || record.shop !== shop.domain || record.retired || record.expiresAt <= clock.now(shop) || !shop.installed) {
      shop.counters.failedTokenRequests += 1;
      return badRequest('Oauth error invalid_request: The refresh_token is invalid, expired or revoked');
    }
    // Using a refresh token retires the one it replaced; it stays usable itself until its own replacement is used.
    if (record.predecessor) {
      const previous = refreshTokens.get(record.predecessor);
      if (previous) previous.retired = true;
    }
    shop.counters.tokenRefreshes += 1;
    return { status: 200, body: issue(shop, record.scopes, { expiring: true, predecessor: String(params.refresh_token) }) };
  }
  if (params.grant_type && params.grant_type !== 'authorization_code') {
    shop.counters.failedTokenRequests += 1;
    return badRequest(`Oauth error unsupported_grant_type: ${params.grant_type} is not supported by the simulator`);
  }
  const code = codes.get(String(params.code || ''));
  if (!code || code.shop !== shop.domain || code.used || code.expiresAt <= clock.now(shop)) {
    shop.counters.failedTokenRequests += 1;
    return badRequest('Oauth error invalid_request: The authorization code was not found or was already used');
  }
  code.used = true;
  shop.installed = true;
  shop.uninstalledAt = null;
  shop.counters.tokenExchanges += 1;
  return { status: 200, body: issue(shop, code.scopes, { expiring, online: code.online }) };
}

/** Control API: a token without going through OAuth (tests that only need API access). */
function issueDirect(shop, scopes, expiring) {
  shop.installed = true;
  shop.uninstalledAt = null;
  return issue(shop, normalizeScopes(Array.isArray(scopes) ? scopes.join(',') : scopes), { expiring: expiring !== false });
}

/** The token's record if it may call the shop's Admin API now, else null. */
function verifyAccessToken(shop, token) {
  const record = accessTokens.get(String(token || ''));
  if (!record || record.shop !== shop.domain || record.revoked) return null;
  if (record.expiresAt !== null && record.expiresAt <= clock.now(shop)) return null;
  return record;
}

function expireTokens(shop) {
  let n = 0;
  for (const record of accessTokens.values()) {
    if (record.shop === shop.domain && !record.revoked) {
      record.expiresAt = clock.now(shop) - 1;
      n += 1;
    }
  }
  return n;
}

function revokeAll(shop) {
  for (const record of accessTokens.values()) if (record.shop === shop.domain) record.revoked = true;
  for (const record of refreshTokens.values()) if (record.shop === shop.domain) record.retired = true;
}

/** The signed URL Shopify opens when a merchant installs or opens the app: <appUrl>?hmac&host&shop&timestamp. */
function installUrl(shop, app) {
  if (!app.appUrl) throw new Error('set the app URL first: PUT /_sim/app {"appUrl":"https://..."}');
  const params = { host: hostParam(shop.domain), shop: shop.domain, timestamp: String(Math.floor(clock.now(shop) / 1000)) };
  params.hmac = signParams(params, app.apiSecret);
  const url = new URL(app.appUrl);
  for (const k of ['hmac', 'host', 'shop', 'timestamp']) url.searchParams.set(k, params[k]);
  return url.toString();
}

function resetAll() {
  codes.clear();
  accessTokens.clear();
  refreshTokens.clear();
}

module.exports = {
  authorize, accessToken, issueDirect, verifyAccessToken, expireTokens, revokeAll, installUrl, signParams, resetAll,
};
