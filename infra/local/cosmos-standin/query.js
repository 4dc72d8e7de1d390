'use strict';
/*
 * Queries: the query plan the .NET SDK asks for, the query handler (partition-scoped,
 * TTL-aware), and patches to the SQL engine (@zeit/cosmosdb-query).
 */
const path = require('path');
const store = require('./store');
const { httpError, notSupported } = require('./errors');

// Load the engine instance the server uses (resolved from the server package's folder).
const serverDir = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
const engineModule = (name) => require(require.resolve(`@zeit/cosmosdb-query${name}`, { paths: [serverDir] }));
const { SyntaxError: QuerySyntaxError } = engineModule('');
const builtins = engineModule('/lib/builtin-functions');
const helpers = engineModule('/lib/helpers');
const transformer = engineModule('/lib/transformer');

// --- Engine patches -----------------------------------------------------------------------

// Fixes "3-argument CONTAINS/STARTSWITH/ENDSWITH fail": accept the ignore-case argument.
// Builtins are looked up on this module object at run time ($b.NAME), so replacing works.
function stringFunction(name, test) {
  return (...args) => {
    if (args.length < 2 || args.length > 3) {
      throw new QuerySyntaxError(`The ${name} function requires 2 or 3 argument(s)`);
    }
    const [a, b, ignoreCase] = args;
    if (typeof a !== 'string' || typeof b !== 'string') return undefined;
    return ignoreCase === true ? test(a.toLowerCase(), b.toLowerCase()) : test(a, b);
  };
}
builtins.CONTAINS = stringFunction('CONTAINS', (a, b) => a.includes(b));
builtins.STARTSWITH = stringFunction('STARTSWITH', (a, b) => a.startsWith(b));
builtins.ENDSWITH = stringFunction('ENDSWITH', (a, b) => a.endsWith(b));
// Missing from the engine: what LINQ emits for string.Equals(x, StringComparison.*).
builtins.STRINGEQUALS = stringFunction('StringEquals', (a, b) => a === b);
// The engine's REPLACE only replaced the first occurrence; Cosmos DB replaces all.
const replaceFirstOnly = builtins.REPLACE;
builtins.REPLACE = (...args) =>
  args.every((a) => typeof a === 'string') && args.length === 3
    ? args[0].split(args[1]).join(args[2])
    : replaceFirstOnly(...args);
builtins.GETCURRENTDATETIME = () => new Date().toISOString().replace(/Z$/, '0000Z'); // 7 fraction digits
builtins.GETCURRENTTIMESTAMP = () => Date.now();

// A composite index (a ASC, b DESC) also serves ORDER BY a DESC, b ASC in Cosmos DB;
// the engine only accepted the exact orders, so add the reversed indexes.
const sortWithExactIndexes = helpers.sort;
helpers.sort = (collection, getRid, compositeIndexes, ...orders) => {
  let indexes = compositeIndexes;
  if (orders.length > 1 && Array.isArray(indexes)) {
    const flip = (p) => ({ ...p, order: p.order === 'descending' ? 'ascending' : 'descending' });
    indexes = indexes.concat(indexes.map((index) => index.map(flip)));
  }
  return sortWithExactIndexes(collection, getRid, indexes, ...orders);
};

// Performance: the engine builds every FROM set with reduce(($, c) => [...$, { c }], []),
// copying the accumulator for each document (quadratic: a query over 30,000 items took
// about a second). Rewrite those accumulator spreads in the generated code to push onto
// the accumulator, which is always a fresh [] literal. (index.js calls transformer.default
// at run time, so replacing it works.)
function pushInsteadOfSpread(node) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => { node[i] = pushInsteadOfSpread(child); });
    return node;
  }
  if (!node || typeof node !== 'object') return node;
  for (const key of Object.keys(node)) node[key] = pushInsteadOfSpread(node[key]);
  const [first, ...rest] = node.type === 'ArrayExpression' ? node.elements : [];
  if (first && first.type === 'SpreadElement' && first.argument.type === 'Identifier' && first.argument.name === '$') {
    const acc = { type: 'Identifier', name: '$' };
    const push = { type: 'MemberExpression', object: acc, property: { type: 'Identifier', name: 'push' }, computed: false };
    return { type: 'SequenceExpression', expressions: [{ type: 'CallExpression', callee: push, arguments: rest }, acc] };
  }
  return node;
}
const transformQuadratic = transformer.default;
transformer.default = (ast) => pushInsteadOfSpread(transformQuadratic(ast));

// Same problem in stripUndefined, applied to every result set.
helpers.stripUndefined = function stripUndefined(value) {
  if (Array.isArray(value)) {
    const out = [];
    for (const v of value) if (v !== undefined) out.push(stripUndefined(v));
    return out;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value)) if (value[k] !== undefined) out[k] = stripUndefined(value[k]);
    return out;
  }
  return value;
};

// --- Query rewriting: DISTINCT and OFFSET/LIMIT -----------------------------------------

/** Blank out string literal contents (same length) so keyword searches skip them. */
function maskStrings(sql) {
  let out = '';
  let quote = null;
  for (let i = 0; i < sql.length; i += 1) {
    const ch = sql[i];
    if (quote) {
      if (ch === '\\' && i + 1 < sql.length) {
        out += '  ';
        i += 1;
      } else if (ch === quote) {
        quote = null;
        out += ch;
      } else {
        out += ' ';
      }
    } else {
      if (ch === '"' || ch === "'") quote = ch;
      out += ch;
    }
  }
  return out;
}

const TOP_LEVEL_DISTINCT = /^(\s*SELECT\s+)(?:TOP\s+(\d+|@\w+)\s+)?DISTINCT\s+(?:TOP\s+(\d+|@\w+)\s+)?/i;
const TRAILING_OFFSET_LIMIT = /\s+OFFSET\s+(\d+|@\w+)\s+LIMIT\s+(\d+|@\w+)\s*$/i;
const UNSUPPORTED = /\b(GROUP\s+BY|DISTINCT|OFFSET|LIKE)\b/i;

function intArg(token, parameters) {
  let value = Number(token);
  if (token.startsWith('@')) {
    const p = (parameters || []).find((x) => x.name === token);
    value = p ? p.value : undefined;
  }
  if (!Number.isInteger(value) || value < 0) {
    throw httpError(400, 'BadRequest', `Expected a non-negative integer for ${token}`);
  }
  return value;
}

/**
 * Fixes "OFFSET/LIMIT and DISTINCT fail" (not in the engine's grammar): strip a top-level
 * SELECT DISTINCT [TOP n] and a trailing OFFSET x LIMIT y, run the rest, and apply them to
 * the full result afterwards (postProcess). In subqueries they stay unsupported.
 */
function rewriteQuery(sql, parameters) {
  const masked = maskStrings(sql);
  if (/\bGROUP\s+BY\b/i.test(masked)) throw notSupported('GROUP BY');
  const post = {};
  let start = 0;
  let end = sql.length;
  let prefix = '';
  const offsetLimit = TRAILING_OFFSET_LIMIT.exec(masked);
  if (offsetLimit) {
    post.offset = intArg(offsetLimit[1], parameters);
    post.limit = intArg(offsetLimit[2], parameters);
    end = offsetLimit.index;
  }
  const distinct = TOP_LEVEL_DISTINCT.exec(masked);
  if (distinct) {
    post.distinct = true;
    const top = distinct[2] || distinct[3];
    if (top) post.top = intArg(top, parameters); // TOP applies after DISTINCT
    prefix = distinct[1];
    start = distinct[0].length;
  }
  if (!offsetLimit && !distinct) return { sql, masked, post: null };
  return { sql: prefix + sql.slice(start, end), masked, post };
}

function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function postProcess(rows, post) {
  let out = rows;
  if (post.distinct) {
    const seen = new Set();
    out = out.filter((row) => {
      const key = canonicalJson(row);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  if (post.offset !== undefined) out = out.slice(post.offset, post.offset + post.limit);
  if (post.top !== undefined) out = out.slice(0, post.top);
  return out;
}

// Rewritten queries are materialised, so their continuation is just a position.
const POSITION_TOKEN = 'standin-position:';

function paginateByPosition(rows, maxItemCount, continuation) {
  let from = 0;
  if (continuation && typeof continuation.token === 'string') {
    if (!continuation.token.startsWith(POSITION_TOKEN)) {
      throw httpError(400, 'BadRequest', 'Invalid continuation token for this query');
    }
    from = Number(continuation.token.slice(POSITION_TOKEN.length)) || 0;
  }
  if (!(maxItemCount > 0)) return { result: rows.slice(from), continuation: null };
  const to = from + maxItemCount;
  return {
    result: rows.slice(from, to),
    continuation: to < rows.length ? { token: `${POSITION_TOKEN}${to}`, range: { min: '', max: 'FF' } } : null,
  };
}

// --- Handlers -----------------------------------------------------------------------------

function compile(collection, sql, masked) {
  try {
    const q = collection.documents._getQuery(sql); // the library's LRU cache of parsed queries
    q.code; // transform now, so that errors surface here
    return q;
  } catch (err) {
    if (err instanceof QuerySyntaxError || err.name === 'SyntaxError') {
      const unsupported = UNSUPPORTED.exec(masked);
      if (unsupported) {
        throw notSupported(`${unsupported[1].toUpperCase()} in this position`, `Parser: ${err.message}`);
      }
      throw httpError(400, 'BadRequest', `Syntax error: ${err.message}`);
    }
    throw err;
  }
}

function queryText(body) {
  if (!body || typeof body.query !== 'string' || !body.query.trim()) {
    throw httpError(400, 'BadRequest', 'missing query');
  }
  return body.query;
}

/**
 * Fixes "every query fails": the SDK first asks the gateway for a query plan. Answer with a
 * pass-through plan over the single partition key range "" to "FF" (the server has one
 * physical partition), so ORDER BY, aggregates and TOP run in the server, whose results
 * and continuation tokens the SDK then passes through unchanged.
 */
function queryPlan(collection, req) {
  const body = req.standinBody;
  const { sql, masked } = rewriteQuery(queryText(body), body.parameters);
  compile(collection, sql, masked); // syntax errors come back as 400 from the plan, as in Cosmos DB
  return {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: 'None',
      top: null,
      offset: null,
      limit: null,
      orderBy: [],
      orderByExpressions: [],
      groupByExpressions: [],
      groupByAliases: [],
      aggregates: [],
      groupByAliasToAggregateType: {},
      rewrittenQuery: '',
      hasSelectValue: false,
      dCountInfo: null,
      hasNonStreamingOrderBy: false,
    },
    queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }],
  };
}

function pagingHeaders(req) {
  const max = parseInt(req.headers['x-ms-max-item-count'], 10);
  let continuation = null;
  const raw = req.headers['x-ms-continuation'];
  if (raw) {
    try {
      continuation = JSON.parse(raw);
    } catch {
      throw httpError(400, 'BadRequest', 'Invalid continuation token');
    }
  }
  return { maxItemCount: Number.isNaN(max) ? undefined : max, continuation };
}

/**
 * Runs a query (or a read feed, which is SELECT * FROM c) over the collection's live
 * documents, scoped to the x-ms-documentdb-partitionkey header when present (fixes
 * "single-partition queries return other partitions' documents" and expired items showing).
 */
function queryDocuments(collection, req, res, body = req.standinBody) {
  const sqlText = queryText(body);
  const { parameters } = body;
  const { sql, masked, post } = rewriteQuery(sqlText, parameters);
  const q = compile(collection, sql, masked);
  const collectionData = collection.read();
  const docs = store.visibleDocuments(collection, store.partitionKeyFromHeader(req));
  const { maxItemCount, continuation } = pagingHeaders(req);
  const options = {
    parameters,
    udf: collection.documents._userDefinedFunctions() || {},
    compositeIndexes: ((collectionData.indexingPolicy || {}).compositeIndexes || []),
  };
  let page;
  try {
    if (post) {
      const rows = q.exec(docs, options).result;
      page = paginateByPosition(postProcess(rows, post), maxItemCount, continuation);
    } else {
      page = q.exec(docs, { ...options, maxItemCount, continuation });
    }
  } catch (err) {
    if (err.statusCode) throw err;
    throw httpError(400, 'BadRequest', err.message); // as the library does for engine errors
  }
  if (page.continuation) res.setHeader('x-ms-continuation', JSON.stringify(page.continuation));
  res.setHeader('x-ms-item-count', String(page.result.length));
  return { _rid: collectionData._rid, Documents: page.result, _count: page.result.length };
}

function readFeed(collection, req, res) {
  return queryDocuments(collection, req, res, { query: 'SELECT * FROM c', parameters: [] });
}

module.exports = { queryPlan, queryDocuments, readFeed };
