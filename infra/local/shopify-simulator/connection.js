'use strict';
/*
 * Relay connections the way Shopify pages them: opaque base64 cursors that carry the sort key and id of the node
 * (so that paging stays stable while records change between pages), first/last of at most 250, and Shopify's
 * search syntax for the `query` argument (the subset sync code uses: field:value, comparisons, AND/OR/NOT lite).
 */
const { GraphQLError } = require('graphql');

const MAX_PAGE = 250;

function encodeCursor(key) {
  return Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64');
}

function decodeCursor(cursor, argName) {
  try {
    const parsed = JSON.parse(Buffer.from(String(cursor), 'base64').toString('utf8'));
    if (parsed && Array.isArray(parsed.k)) return parsed.k;
  } catch { /* falls through */ }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST', argumentName: argName } });
}

function compareKeys(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null || x === undefined) return -1;
    if (y === null || y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Checks first/last like Shopify does before running anything; returns an error message or null. */
function pageArgsError(args) {
  if (args.first == null && args.last == null) return 'you must provide one of first or last';
  if (args.first != null && args.last != null) return 'providing both first and last is not supported';
  for (const name of ['first', 'last']) {
    if (args[name] != null && (args[name] < 0 || args[name] > MAX_PAGE)) {
      return `The ${name} argument must be between 0 and ${MAX_PAGE}.`;
    }
  }
  return null;
}

/**
 * items: already filtered and in ascending key order; keyOf(item) -> array. Returns the Connection object.
 * options.all: no paging (bulk operations read everything).
 */
function connection(items, args = {}, keyOf = null, options = {}) {
  const keyed = items.map((node, i) => ({ node, key: keyOf ? keyOf(node) : [i] }));
  let list = args.reverse ? keyed.slice().reverse() : keyed;
  const direction = args.reverse ? -1 : 1;
  let hasPreviousPage = false;
  let hasNextPage = false;
  if (!options.all) {
    const error = pageArgsError(args);
    if (error) throw new GraphQLError(error, { extensions: { code: 'BAD_REQUEST' } });
    if (args.after != null) {
      const key = decodeCursor(args.after, 'after');
      const before = list.length;
      list = list.filter((e) => direction * compareKeys(e.key, key) > 0);
      hasPreviousPage = list.length < before;
    }
    if (args.before != null) {
      const key = decodeCursor(args.before, 'before');
      const before = list.length;
      list = list.filter((e) => direction * compareKeys(e.key, key) < 0);
      hasNextPage = list.length < before;
    }
    if (args.first != null) {
      hasNextPage = list.length > args.first;
      list = list.slice(0, args.first);
    } else if (args.last != null) {
      hasPreviousPage = list.length > args.last;
      list = list.slice(Math.max(0, list.length - args.last));
    }
  }
  const edges = list.map((e) => ({ cursor: encodeCursor(e.key), node: e.node }));
  return {
    edges,
    nodes: list.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}

/*
 * Search syntax: terms separated by spaces (implicit AND) or AND; `field:value`, `field:>value`, `field:>=value`,
 * `field:<value`, `field:<=value`, quoted values, leading `-` or NOT for negation; OR between terms. Unknown
 * fields never match anything in Shopify's strict fields; here they are ignored, as Shopify does for free text.
 */
function parseSearch(query) {
  const text = String(query || '').trim();
  if (!text) return [];
  const tokens = text.match(/-?[A-Za-z_.]+:(?:[<>]=?)?(?:"[^"]*"|'[^']*'|\S+)|\(|\)|"[^"]*"|\S+/g) || [];
  const groups = [[]]; // OR of ANDs
  let negateNext = false;
  for (const token of tokens) {
    if (token === 'AND' || token === '(' || token === ')') continue;
    if (token === 'OR') { groups.push([]); continue; }
    if (token === 'NOT') { negateNext = true; continue; }
    const m = /^(-?)([A-Za-z_.]+):([<>]=?)?(.*)$/.exec(token);
    if (!m) { negateNext = false; continue; }
    const value = m[4].replace(/^["']|["']$/g, '');
    groups[groups.length - 1].push({ field: m[2].toLowerCase(), op: m[3] || ':', value, negate: Boolean(m[1]) || negateNext });
    negateNext = false;
  }
  return groups.filter((g) => g.length);
}

function matchTerm(term, getField) {
  const actual = getField(term.field);
  if (actual === undefined) return true;
  const values = Array.isArray(actual) ? actual : [actual];
  const test = (v) => {
    if (v === null || v === undefined) return false;
    const isDate = /^\d{4}-\d{2}-\d{2}/.test(term.value) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
    const isNumber = !isDate && typeof v === 'number';
    const a = isDate ? Date.parse(v) : isNumber ? v : String(v).toLowerCase();
    const b = isDate ? Date.parse(term.value) : isNumber ? Number(term.value) : term.value.toLowerCase();
    switch (term.op) {
      case '>': return a > b;
      case '>=': return a >= b;
      case '<': return a < b;
      case '<=': return a <= b;
      default:
        if (!isDate && !isNumber && b.endsWith('*')) return String(a).startsWith(b.slice(0, -1));
        return isDate ? a === b : a === b;
    }
  };
  const result = values.some(test);
  return term.negate ? !result : result;
}

/** Filters with parsed search groups; getField(item, field) returns a value, an array, or undefined (unknown). */
function applySearch(items, query, getField) {
  const groups = parseSearch(query);
  if (!groups.length) return items;
  return items.filter((item) => groups.some((terms) => terms.every((t) => matchTerm(t, (f) => getField(item, f)))));
}

module.exports = { connection, applySearch, parseSearch, pageArgsError, encodeCursor, compareKeys, MAX_PAGE };
