#!/usr/bin/env node
'use strict';
/*
 * Shopify Admin API simulator for local runs and tests (Shopify cannot be reached from our machines).
 *
 * Usage (cwd infra/local):
 *   node -r ./exit-with-parent.js shopify-simulator/server.js --api-key KEY --api-secret SECRET
 *        [--host 127.0.0.1] [--port 0] [--version 2026-10 --version ...] [--verbose]
 *
 * Prints one line to stdout when ready: {"event":"ready","endpoint":"http://127.0.0.1:<port>/"}; anything else goes
 * to stderr. Exits when its stdin pipe closes (see exit-with-parent.js). State is in memory only.
 *
 * Every shop lives under a path prefix: http://127.0.0.1:<port>/{shop-domain} stands for https://{shop-domain}, so
 * the app's Shopify:AdminBaseUrl is "http://127.0.0.1:<port>/{shop}". See README.md for the routes and /_sim/.
 */
require('../exit-with-parent');
const http = require('http');
const { availableVersions, loadSchema } = require('./schema');
const store = require('./store');
const oauth = require('./oauth');
const { runGraphql } = require('./admin-api');
const { createRoot } = require('./resolvers');
const { createWebhooks } = require('./webhooks');
const { createBulk } = require('./bulk');
const { createControl } = require('./control');

const USAGE = 'usage: node shopify-simulator/server.js --api-key KEY --api-secret SECRET [--host 127.0.0.1] [--port 0] [--version V]... [--verbose]';
const MAX_BODY = 10 * 1024 * 1024;

function parseArgs(argv) {
  const args = { host: '127.0.0.1', port: 0, apiKey: null, apiSecret: null, versions: [], verbose: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--host': args.host = value(); break;
      case '--port': args.port = Number(value()); break;
      case '--api-key': args.apiKey = value(); break;
      case '--api-secret': args.apiSecret = value(); break;
      case '--version': args.versions.push(value()); break;
      case '--verbose': args.verbose = true; break;
      case '-h': case '--help': process.stdout.write(`${USAGE}\n`); process.exit(0); break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  if (!args.apiKey || !args.apiSecret) throw new Error('--api-key and --api-secret are required');
  if (Number.isNaN(args.port)) throw new Error('--port needs a number');
  return args;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseParams(req, text) {
  const type = String(req.headers['content-type'] || '');
  if (type.includes('application/json')) return text ? JSON.parse(text) : {};
  const params = {};
  for (const [k, v] of new URLSearchParams(text)) params[k] = v;
  return params;
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function createSimulator(options) {
  const versions = options.versions.length ? options.versions : availableVersions();
  for (const v of versions) loadSchema(v); // fail at start-up, not on the first request
  let baseUrl = '';
  const app = {
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    appUrl: null,
    complianceUri: null,
    webhooks: [],
    webhookSettings: { retries: 2, retryBackoffMs: 20, timeoutMs: 5000, failureThreshold: 8 },
    bulkDelayMs: 0,
    defaultVersion: versions.includes('2026-10') ? '2026-10' : versions[versions.length - 1],
  };
  const webhooks = createWebhooks({ app });
  const bulk = createBulk({ app, webhooks, baseUrl: () => baseUrl });
  const root = createRoot({ bulk, appUrl: () => app.appUrl });
  const control = createControl({ app, webhooks, bulk, versions });

  async function admin(req, res, shopDomain, rest, url) {
    let shop = store.getShop(shopDomain);
    if (!shop && rest === 'oauth/authorize' && store.DOMAIN.test(shopDomain)) shop = store.createShop({ domain: shopDomain });
    if (!shop) return send(res, 404, { errors: 'Not Found' });

    if (shop.faults.length && (rest.startsWith('api/') || rest === 'oauth/access_token')) {
      const fault = shop.faults.shift();
      shop.counters.faultsInjected += 1;
      if (fault.hangMs) {
        // A hung upstream: no response until the client gives up (or the socket is dropped after hangMs).
        setTimeout(() => res.destroy(), fault.hangMs);
        return undefined;
      }
      return send(res, fault.status, { errors: `simulated ${fault.status}` });
    }

    if (rest === 'oauth/authorize' && req.method === 'GET') {
      const query = {};
      for (const [k, v] of url.searchParams) query[k] = k.endsWith('[]') ? [].concat(query[k] || [], v) : v;
      const result = oauth.authorize(shop, query, app);
      if (result.status === 302) {
        res.writeHead(302, { location: result.headers.location, 'content-length': 0 });
        return res.end();
      }
      return send(res, result.status, result.body);
    }
    if (rest === 'oauth/access_token' && req.method === 'POST') {
      let params;
      try {
        params = parseParams(req, await readBody(req));
      } catch {
        return send(res, 400, { error: 'invalid_request', error_description: 'malformed body' });
      }
      const result = oauth.accessToken(shop, params, app);
      return send(res, result.status, result.body);
    }
    const graphql = /^api\/([^/]+)\/graphql\.json$/.exec(rest);
    if (graphql) {
      if (!versions.includes(graphql[1])) return send(res, 404, { errors: 'Not Found' });
      if (req.method !== 'POST') return send(res, 405, { errors: 'Method Not Allowed' });
      const token = oauth.verifyAccessToken(shop, req.headers['x-shopify-access-token']);
      if (!token) {
        shop.counters.unauthorized += 1;
        return send(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      }
      shop.counters.graphqlRequests += 1;
      let request;
      try {
        const text = await readBody(req);
        request = String(req.headers['content-type'] || '').includes('application/graphql') ? { query: text } : JSON.parse(text);
      } catch {
        return send(res, 400, { errors: { query: 'Required parameter missing or invalid' } });
      }
      const result = await runGraphql({ shop, scopes: token.scopes, version: graphql[1], request, root });
      return send(res, result.status, result.body);
    }
    return send(res, 404, { errors: 'Not Found' });
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const pathname = url.pathname;
    if (options.verbose) process.stderr.write(`${req.method} ${pathname}\n`); // paths carry no personal data
    try {
      if (pathname.startsWith('/_sim/')) {
        let body = {};
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          const text = await readBody(req);
          try {
            body = text ? JSON.parse(text) : {};
          } catch {
            return send(res, 400, { error: 'body is not JSON' });
          }
        }
        const result = await control.handle(req.method, pathname, body);
        if (result.raw !== undefined) {
          res.writeHead(result.status, { 'content-type': result.contentType, 'content-length': Buffer.byteLength(result.raw) });
          return res.end(result.raw);
        }
        return send(res, result.status, result.body);
      }
      const adminMatch = /^\/([^/]+)\/admin\/(.+)$/.exec(pathname);
      if (adminMatch) return await admin(req, res, decodeURIComponent(adminMatch[1]).toLowerCase(), adminMatch[2], url);
      if (pathname === '/') return send(res, 200, { simulator: 'shopify', versions });
      return send(res, 404, { errors: 'Not Found' });
    } catch (err) {
      process.stderr.write(`shopify-simulator: ${req.method} ${pathname}: ${err.stack || err.message}\n`);
      if (!res.headersSent) send(res, err.status || 500, { errors: 'Internal error in the Shopify simulator' });
      return undefined;
    }
  });
  server.keepAliveTimeout = 65000;
  server.on('listening', () => {
    const { address, port } = server.address();
    const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
    baseUrl = `http://${host}:${port}/`;
  });
  return server;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`shopify-simulator: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  let server;
  try {
    server = createSimulator(args);
  } catch (err) {
    process.stderr.write(`shopify-simulator: ${err.message}\n`);
    process.exit(2);
  }
  server.on('error', (err) => {
    process.stderr.write(`shopify-simulator: ${err.message}\n`);
    process.exit(1);
  });
  server.listen(args.port, args.host, () => {
    const { address, port } = server.address();
    let host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : address;
    if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
    process.stdout.write(`${JSON.stringify({ event: 'ready', endpoint: `http://${host}:${port}/` })}\n`);
  });
}

if (require.main === module) main();

module.exports = { createSimulator };
