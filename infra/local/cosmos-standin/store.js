'use strict';
/*
 * Store-level patches on @vercel/cosmosdb-server's in-memory objects, plus the helpers
 * the request handlers use to see documents the way Cosmos DB would: partition-scoped,
 * with expired items hidden.
 */
const Items = require('@vercel/cosmosdb-server/lib/account/items').default;
const Documents = require('@vercel/cosmosdb-server/lib/account/documents').default;
const Collections = require('@vercel/cosmosdb-server/lib/account/collections').default;
const partitionHeader = require('@vercel/cosmosdb-server/lib/utils/get-partition-from-header');
const { httpError } = require('./errors');

const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024; // Cosmos DB's 2 MB item limit
const SWEEP_INTERVAL_MS = 250;

let lastLsn = 0; // account-wide log sequence number, one per write
const writtenAtMs = new WeakMap(); // stored document object -> write time (ms); _ts is only seconds

function currentLsn() {
  return lastLsn;
}

// --- Patches on the library's Documents class -----------------------------------------
// Items.create/replace build a fresh object and store it through _set (replace deletes the
// old one first), and upsert, patch and batch all go through create/replace.

function assertSize(data) {
  // Fixes "no 2 MB limit": Cosmos DB refuses items over 2 MB with 413.
  if (Buffer.byteLength(JSON.stringify(data)) > MAX_DOCUMENT_BYTES) {
    throw httpError(413, 'RequestEntityTooLarge', 'Request size is too large');
  }
}

Documents.prototype.create = function create(data) {
  assertSize(data);
  return Items.prototype.create.call(this, data);
};

Documents.prototype.replace = function replace(data, original) {
  assertSize(data); // checked before Items.replace deletes the old version
  return Items.prototype.replace.call(this, data, original);
};

Documents.prototype._set = function _set(data) {
  // Fixes "change feed: no log sequence numbers": stamp every write with _lsn.
  lastLsn += 1;
  data._lsn = lastLsn;
  // TTL counts from the last write; keep its time in ms since _ts is whole seconds.
  writtenAtMs.set(data, Date.now());
  return Items.prototype._set.call(this, data);
};

// Replacing a container (e.g. to change its TTL or indexing policy) stored a brand-new
// Collection object with empty stores, silently dropping every item. Carry the stores over.
Collections.prototype.replace = function replace(data, original) {
  const before = this._data.get(original._rid);
  const result = Items.prototype.replace.call(this, data, original);
  const after = this._data.get(result._rid);
  if (before && after) {
    for (const store of ['documents', 'partitionKeyRanges', 'userDefinedFunctions']) {
      after[store] = before[store];
      after[store]._parent = after;
    }
  }
  return result;
};

// --- Partition keys -----------------------------------------------------------------------

const NONE = Symbol('PartitionKey.None');

function partitionKeyPaths(collectionData) {
  const paths = ((collectionData && collectionData.partitionKey) || {}).paths;
  return Array.isArray(paths) ? paths.map((p) => p.slice(1).split('/')) : [];
}

function valueAt(doc, segments) {
  let v = doc;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[s];
  }
  return v;
}

function getter(segments) {
  if (segments.length === 1) {
    const [key] = segments;
    return (doc) => doc[key];
  }
  return (doc) => valueAt(doc, segments);
}

/** An x-ms-documentdb-partitionkey header value as an array of component values. */
function parsePartitionKeyHeader(raw) {
  let values;
  try {
    values = JSON.parse(raw);
  } catch {
    throw httpError(400, 'BadRequest', `Invalid x-ms-documentdb-partitionkey header: ${raw}`);
  }
  if (!Array.isArray(values)) values = [values];
  // PartitionKey.None is sent as [{}]: it matches items that lack the key.
  return values.map((v) => (v !== null && typeof v === 'object' ? NONE : v));
}

/** The request's partition key as an array of component values, or undefined. */
function partitionKeyFromHeader(req) {
  const raw = req.headers['x-ms-documentdb-partitionkey'];
  const header = Array.isArray(raw) ? raw[0] : raw;
  return header ? parsePartitionKeyHeader(header) : undefined;
}

// Exact partition identity for the library's document index. It keyed documents on the
// first key component only, falling back to the id for falsy values, so null, None (no
// key), 0, "" and false collided with each other (409 on distinct items) and 1 with "1".
// Documents now key on all components, typed, and the handlers' header parsing (looked
// up on the module at call time) produces the same identity.
function partitionIdentity(values) {
  return JSON.stringify(values.map((v) => (v === undefined || v === NONE ? {} : v)));
}

Documents.prototype._getPartition = function _getPartition(data) {
  if (!this._partitionKeySegments) {
    this._partitionKeySegments = this._partitionKeyPath.map((p) => p.slice(1).split('/'));
  }
  return partitionIdentity(this._partitionKeySegments.map((segments) => valueAt(data, segments)));
};

partitionHeader.parsePartitionKey = (header) => (header ? partitionIdentity(parsePartitionKeyHeader(header)) : undefined);

/** A predicate: does a document belong to the (possibly hierarchical-prefix) partition key? */
function partitionFilter(collectionData, keyValues) {
  if (!keyValues) return () => true;
  const tests = partitionKeyPaths(collectionData).slice(0, keyValues.length).map((segments, i) => {
    const get = getter(segments);
    const want = keyValues[i];
    return want === NONE ? (doc) => get(doc) === undefined : (doc) => get(doc) === want;
  });
  return tests.length === 1 ? tests[0] : (doc) => tests.every((test) => test(doc));
}

function inPartition(collectionData, doc, keyValues) {
  return partitionFilter(collectionData, keyValues)(doc);
}

// --- TTL ----------------------------------------------------------------------------------

/** Time of the document's last write (ms epoch). */
function writtenAt(doc) {
  return writtenAtMs.has(doc) ? writtenAtMs.get(doc) : doc._ts * 1000;
}

/** When doc expires (ms epoch), or Infinity. Container defaultTtl: absent = TTL off,
 *  -1 = on without a default, n = n seconds; item ttl overrides (-1 = never). */
function expiresAt(collectionData, doc) {
  const defaultTtl = collectionData.defaultTtl;
  if (typeof defaultTtl !== 'number') return Infinity;
  const ttl = typeof doc.ttl === 'number' ? doc.ttl : defaultTtl;
  if (!(ttl > 0)) return Infinity;
  return writtenAt(doc) + ttl * 1000;
}

function isExpired(collectionData, doc, now = Date.now()) {
  return expiresAt(collectionData, doc) <= now;
}

/** Documents of a collection as a query sees them: live, and in the partition if given. */
function visibleDocuments(collection, keyValues) {
  const collectionData = collection.read();
  const now = Date.now();
  const ttlOn = typeof collectionData.defaultTtl === 'number';
  const matches = partitionFilter(collectionData, keyValues);
  const out = [];
  for (const item of collection.documents._data.values()) {
    const doc = item.read();
    if (ttlOn && isExpired(collectionData, doc, now)) continue;
    if (keyValues && !matches(doc)) continue;
    out.push(doc);
  }
  return out;
}

/**
 * Point lookup by id and the request's partition key, through the library's index.
 * An expired document is deleted on the spot so that every handler sees it as missing.
 */
function findDocument(collection, req, id) {
  const raw = req.headers['x-ms-documentdb-partitionkey'];
  const doc = collection.document(id, partitionHeader.parsePartitionKey(Array.isArray(raw) ? raw[0] : raw)).read();
  if (!doc) return undefined;
  if (isExpired(collection.read(), doc)) {
    collection.documents.delete(doc._rid);
    return undefined;
  }
  return doc;
}

// --- Expiry sweeper -----------------------------------------------------------------------

function sweepExpired(account) {
  const now = Date.now();
  for (const database of account.databases._data.values()) {
    for (const collection of database.collections._data.values()) {
      const collectionData = collection.read();
      if (typeof collectionData.defaultTtl !== 'number') continue;
      for (const item of collection.documents._data.values()) {
        const doc = item.read();
        if (isExpired(collectionData, doc, now)) collection.documents.delete(doc._rid);
      }
    }
  }
}

/** Fixes "items never expire": delete expired items every 250 ms. */
function startSweeper(account) {
  const timer = setInterval(() => sweepExpired(account), SWEEP_INTERVAL_MS);
  timer.unref();
  return timer;
}

module.exports = {
  currentLsn,
  writtenAt,
  partitionKeyFromHeader,
  inPartition,
  visibleDocuments,
  findDocument,
  startSweeper,
};
