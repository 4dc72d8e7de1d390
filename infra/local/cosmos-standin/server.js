'use strict';
/*
 * The HTTP server: our own dispatcher in front of @vercel/cosmosdb-server's routes and
 * in-memory account. It replaces the library's request handler (not exported) so that it
 * can read the body first, inject faults before anything is applied, take over the routes
 * that are broken, and write the response envelope itself.
 */
const http = require('http');
const { randomUUID } = require('crypto');
const Account = require('@vercel/cosmosdb-server/lib/account').default;
const libraryRoutes = require('@vercel/cosmosdb-server/lib/routes').default;
const libraryJson = require('@vercel/cosmosdb-server/lib/json');
const store = require('./store');
const query = require('./query');
const { changeFeed } = require('./changefeed');
const { Faults } = require('./faults');
const { httpError, notSupported, normalizeErrorBody } = require('./errors');

// The library's handlers read the body through lib/json.js (looked up at call time). The
// dispatcher has read it already (to inject faults before anything happens), so hand them
// the parsed copy; reading the spent stream again would wait forever.
libraryJson.default = async (req) => {
  if (req.standinBody === undefined) throw httpError(400, 'BadRequest', 'The request body is missing.');
  return req.standinBody;
};

// Resource ids are base64 in the library, so one in 64 contains '/', which breaks every URL that carries it (the SDK
// looks partition key ranges up by the container's rid: queries and the change feed then fail with "stale cache").
// Real Cosmos writes '-' for '/' in rids; so do we, and the library's own parser already maps '-' back (first one only,
// hence the global replace here too).
const ResourceId = require('@vercel/cosmosdb-server/lib/account/resource-id').default;
ResourceId.toBase64String = (buffer) => buffer.toString('base64').replace(/\//g, '-');
ResourceId.fromBase64String = (s) => Buffer.from(s.replace(/-/g, '/'), 'base64');

const DOCS_ROUTE = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/]+))?$/;
const QUERY_METRICS = 'totalExecutionTimeInMs=0.00;queryCompileTimeInMs=0.00;queryLogicalPlanBuildTimeInMs=0.00;'
  + 'queryPhysicalPlanBuildTimeInMs=0.00;queryOptimizationTimeInMs=0.00;VMExecutionTimeInMs=0.00;'
  + 'indexLookupTimeInMs=0.00;documentLoadTimeInMs=0.00;systemFunctionExecuteTimeInMs=0.00;'
  + 'userFunctionExecuteTimeInMs=0.00;retrievedDocumentCount=0;retrievedDocumentSize=0;outputDocumentCount=1;'
  + 'outputDocumentSize=0;writeOutputTimeInMs=0.00;indexUtilizationRatio=0.00';

const isTrue = (value) => String(value).toLowerCase() === 'true';

function normalizePath(url) {
  let pathname = url.split('?')[0];
  if (pathname.startsWith('//')) pathname = pathname.slice(1); // as the library's router does
  while (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.slice(0, -1);
  return pathname;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** For --verbose: what kind of request this is, beyond method and path. */
function describe({ headers }) {
  if (isTrue(headers['x-ms-cosmos-is-query-plan-request'])) return ' [query plan]';
  if (isTrue(headers['x-ms-documentdb-isquery']) || headers['content-type'] === 'application/query+json') return ' [query]';
  if (isTrue(headers['x-ms-cosmos-is-batch-request'])) return ' [batch]';
  if (headers['a-im']) return ` [change feed${headers['if-none-match'] ? ` from ${headers['if-none-match']}` : ''}]`;
  return '';
}

function parseJson(raw) {
  if (!raw.length) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw httpError(400, 'BadRequest', 'The request body is not valid JSON.');
  }
}

function createStandinServer({ faults: faultDefaults, verbose = false } = {}) {
  const faults = new Faults(faultDefaults);
  const stats = { requests: 0 };
  let account;

  // --- /_standin control API ---------------------------------------------------------------
  function control(req, res, pathname, body) {
    if (pathname === '/_standin/faults') {
      if (req.method === 'PUT') return faults.set(body);
      if (req.method === 'DELETE') return faults.clear();
      if (req.method === 'GET') return faults.config;
    }
    if (pathname === '/_standin/stats') {
      if (req.method === 'GET') return { faultsInjected: faults.injected, requests: stats.requests };
      if (req.method === 'DELETE') {
        faults.injected = 0;
        stats.requests = 0;
        return { faultsInjected: 0, requests: 0 };
      }
    }
    throw httpError(404, 'NotFound', `No control route ${req.method} ${pathname}`);
  }

  // --- Document routes we take over (returns false to fall through to the library) --------
  function documents(req, res, [, dbId, collId, docId]) {
    const collection = account.database(decodeURIComponent(dbId)).collection(decodeURIComponent(collId));
    if (!collection.read()) {
      // The library crashed (500) on creates in a missing container.
      throw httpError(404, 'NotFound', 'Resource Not Found: the database or container does not exist.', '1003');
    }
    const id = docId !== undefined ? decodeURIComponent(docId) : undefined;
    const body = req.standinBody;
    const { method, headers } = req;

    if (method === 'POST' && isTrue(headers['x-ms-cosmos-is-query-plan-request'])) {
      return query.queryPlan(collection, req);
    }
    if (method === 'POST' && (isTrue(headers['x-ms-documentdb-isquery']) || headers['content-type'] === 'application/query+json')) {
      return query.queryDocuments(collection, req, res);
    }
    if (method === 'GET' && id === undefined) {
      return headers['a-im'] ? changeFeed(collection, req, res) : query.readFeed(collection, req, res);
    }
    if (method === 'GET') {
      // Fixes "reading a missing item gives 500" (its read handler dereferences the missing item).
      const doc = store.findDocument(collection, req, id);
      if (!doc) throw httpError(404, 'NotFound', 'Entity with the specified id does not exist in the system.');
      if (headers['if-none-match'] && headers['if-none-match'] === doc._etag) {
        res.statusCode = 304;
        return undefined;
      }
      return doc;
    }

    // Writes go to the library's handlers, after two checks of our own.
    const targetId = id !== undefined ? id : body && body.id;
    if (targetId !== undefined) store.findDocument(collection, req, String(targetId)); // purges it if expired
    if ((method === 'POST' || method === 'PUT') && body && typeof body === 'object'
        && !store.inPartition(collection.read(), body, store.partitionKeyFromHeader(req))) {
      throw httpError(400, 'BadRequest', "PartitionKey extracted from document doesn't match the one specified in the header", '1001');
    }
    return false;
  }

  async function dispatch(req, res) {
    const pathname = normalizePath(req.url);
    const raw = req.method === 'GET' || req.method === 'HEAD' ? Buffer.alloc(0) : await readBody(req);
    if (pathname.startsWith('/_standin/')) return control(req, res, pathname, parseJson(raw));

    stats.requests += 1;
    const docsRoute = DOCS_ROUTE.exec(pathname);
    // Data-plane requests only: the SDK's account/database/container/pkranges reads never fault.
    if (docsRoute && faults.maybeInject(req, res)) return undefined;
    if (isTrue(req.headers['x-ms-cosmos-is-batch-request'])) {
      // The .NET SDK sends TransactionalBatch and bulk in a binary format (HybridRow).
      throw notSupported('TransactionalBatch and bulk execution');
    }
    req.standinBody = parseJson(raw);
    if (docsRoute) {
      const result = documents(req, res, docsRoute);
      if (result !== false) return result;
    }
    const route = libraryRoutes(req);
    if (!route) throw httpError(400, 'BadRequest', `no route for ${req.method} ${pathname}`);
    const [params, handler] = route;
    return handler(account, req, res, params);
  }

  function send(req, res, body) {
    if (res.writableEnded) return; // a fault response went out already
    let payload = body;
    if (res.statusCode >= 400) payload = normalizeErrorBody(res.statusCode, body);
    if (payload && payload._etag && !res.hasHeader('etag')) res.setHeader('etag', payload._etag);
    // Partition key ranges are read as a change feed too; one range that never changes.
    if (req.headers['a-im'] && res.statusCode === 200 && !res.hasHeader('etag')) {
      if (req.headers['if-none-match']) res.statusCode = 304;
      res.setHeader('etag', '"1"');
    }
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-ms-activity-id', randomUUID());
    res.setHeader('x-ms-request-charge', '1');
    if (req.headers['x-ms-documentdb-populatequerymetrics']) res.setHeader('x-ms-documentdb-query-metrics', QUERY_METRICS);
    // No "Connection: close" (the library sent it on every response, making each request
    // pay for a new connection); Node keeps connections alive by default.
    if (res.statusCode === 204 || res.statusCode === 304 || payload === undefined) res.end();
    else res.end(JSON.stringify(payload));
  }

  const server = http.createServer((req, res) => {
    res.statusCode = 200;
    dispatch(req, res)
      .then((body) => send(req, res, body))
      .catch((err) => {
        if (res.headersSent) return;
        res.statusCode = err.statusCode || (err.badRequest ? 400 : err.conflict ? 409 : 500);
        if (err.substatus) res.setHeader('x-ms-substatus', err.substatus);
        if (res.statusCode === 500) process.stderr.write(`cosmos-standin: ${req.method} ${req.url}: ${err.stack}\n`);
        send(req, res, { code: err.code, message: err.message });
      })
      .finally(() => {
        if (verbose) process.stderr.write(`${req.method} ${req.url}${describe(req)} -> ${res.statusCode}\n`);
      });
  });
  // Idle connections stay open longer than the client's pool keeps them, so the server never
  // closes one the client is about to reuse.
  server.keepAliveTimeout = 10 * 60 * 1000;

  server.on('listening', () => {
    const { address, port } = server.address();
    const host = address === '0.0.0.0' || address === '::' ? 'localhost' : address;
    account = new Account(host, port);
    // The account advertises https:// locations; we serve plain HTTP.
    const data = account.read();
    for (const loc of [...data.writableLocations, ...data.readableLocations]) {
      loc.databaseAccountEndpoint = loc.databaseAccountEndpoint.replace(/^https:/, 'http:');
    }
    store.startSweeper(account);
  });
  return server;
}

module.exports = { createStandinServer };
