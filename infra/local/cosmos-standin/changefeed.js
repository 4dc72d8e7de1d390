'use strict';
/*
 * Change feed, LatestVersion mode (GET .../docs with "A-IM: Incremental feed").
 * Fixes "change feed returns everything once, then always 304" (the library hard-codes
 * the ETag). Every write carries a global sequence number (_lsn, see store.js); the ETag
 * is the last LSN served and If-None-Match asks for what came after it:
 *   no If-None-Match     from the beginning (or from If-Modified-Since: ChangeFeedStartFrom.Time)
 *   If-None-Match: *     from now: 304 carrying the current LSN
 *   If-None-Match: "n"   items written after LSN n, oldest first; 304 when there are none
 * Each item appears once, in its latest version; deletes do not appear (as in Cosmos DB).
 */
const store = require('./store');
const { httpError, notSupported } = require('./errors');

const quote = (lsn) => `"${lsn}"`;

function notModified(res, lsn) {
  res.statusCode = 304;
  res.setHeader('etag', quote(lsn));
  res.setHeader('x-ms-item-count', '0'); // the .NET SDK parses it on 304s too
  return undefined;
}

function changeFeed(collection, req, res) {
  const mode = String(req.headers['a-im']).toLowerCase();
  if (mode !== 'incremental feed') {
    throw notSupported(`Change feed mode '${req.headers['a-im']}' (only LatestVersion)`);
  }
  const ifNoneMatch = (req.headers['if-none-match'] || '').replace(/^W\//, '').replace(/"/g, '').trim();
  if (ifNoneMatch === '*') return notModified(res, store.currentLsn());
  const since = ifNoneMatch ? Number(ifNoneMatch) : 0;
  if (!Number.isInteger(since) || since < 0) {
    throw httpError(400, 'BadRequest', `Invalid change feed continuation (If-None-Match): ${ifNoneMatch}`);
  }
  const modifiedSince = !ifNoneMatch && req.headers['if-modified-since'] ? Date.parse(req.headers['if-modified-since']) : NaN;

  let docs = store
    .visibleDocuments(collection, store.partitionKeyFromHeader(req))
    .filter((d) => d._lsn > since && (Number.isNaN(modifiedSince) || store.writtenAt(d) >= modifiedSince));
  docs.sort((a, b) => a._lsn - b._lsn);
  const max = parseInt(req.headers['x-ms-max-item-count'], 10);
  if (max > 0) docs = docs.slice(0, max);

  if (docs.length === 0) {
    // Nothing after `since` is visible to this feed, so it may jump to the current LSN.
    return notModified(res, Math.max(since, store.currentLsn()));
  }
  res.setHeader('etag', quote(docs[docs.length - 1]._lsn));
  res.setHeader('x-ms-item-count', String(docs.length));
  return { _rid: collection.read()._rid, Documents: docs, _count: docs.length };
}

module.exports = { changeFeed };
