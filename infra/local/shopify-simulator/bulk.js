'use strict';
/*
 * Bulk query operations: bulkOperationRunQuery validates the inner query with Shopify's bulk rules, runs it over
 * all data (no paging), and writes JSONL with one line per connection node. Nested connection nodes are separate
 * lines carrying "__parentId"; unless groupObjects is true they come after all their parents (level by level),
 * never next to them, which is what breaks consumers that assume adjacency.
 */
const {
  parse, validate, execute, getOperationAST, getNamedType, Kind, visit, TypeInfo, visitWithTypeInfo,
} = require('graphql');
const { loadSchema } = require('./schema');
const { isConnectionType, collectFields } = require('./cost');
const { fieldResolver } = require('./resolvers');
const store = require('./store');
const shapes = require('./graphql-shapes');
const clock = require('./clock');

const MAX_CONCURRENT = 5;
const MAX_CONNECTIONS = 5;
const MAX_DEPTH = 2; // nested connections below the top-level one
const PARENT_ALIAS = '__simParentId';

function userError(message, code = 'INVALID') {
  return { bulkOperation: null, userErrors: [{ __typename: 'BulkOperationUserError', field: ['query'], message, code }] };
}

/** Checks the bulk rules; returns an error message or null. */
function checkRules(ctx, operation) {
  if (operation.operation !== 'query') return 'Bulk queries must be a query operation.';
  const roots = collectFields(ctx, ctx.schema.getQueryType(), operation.selectionSet);
  if (roots.length !== 1 || !isConnectionType(getNamedType(roots[0].fieldDef.type))) {
    return 'Bulk queries must contain exactly one top-level field, and it must be a connection.';
  }
  let connections = 0;
  let problem = null;
  const walk = (type, selectionSet, depth) => {
    for (const f of collectFields(ctx, type, selectionSet)) {
      const childType = getNamedType(f.fieldDef.type);
      if (!f.node.selectionSet) continue;
      if (isConnectionType(childType)) {
        connections += 1;
        if (depth > MAX_DEPTH) problem = `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_DEPTH}.`;
        walk(childType, f.node.selectionSet, depth + 1);
      } else {
        walk(childType, f.node.selectionSet, depth);
      }
    }
  };
  walk(ctx.schema.getQueryType(), operation.selectionSet, 0);
  if (connections > MAX_CONNECTIONS) return `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`;
  return problem;
}

/*
 * Adds `__simParentId: id` to the selection of every connection node whose type has an id, so that children can
 * be linked to their parent even when the query did not select the parent's id (Shopify links them regardless).
 */
function withParentIds(schema, document) {
  const typeInfo = new TypeInfo(schema);
  return visit(document, visitWithTypeInfo(typeInfo, {
    Field: {
      leave(node) {
        const type = getNamedType(typeInfo.getType());
        const parent = typeInfo.getParentType();
        if (!node.selectionSet || !type || !type.getFields || !type.getFields().id || !parent) return undefined;
        const isNode = (node.name.value === 'node' && /Edge$/.test(parent.name)) || (node.name.value === 'nodes' && /Connection$/.test(parent.name));
        if (!isNode) return undefined;
        const extra = {
          kind: Kind.FIELD, alias: { kind: Kind.NAME, value: PARENT_ALIAS }, name: { kind: Kind.NAME, value: 'id' }, arguments: [], directives: [],
        };
        return { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, extra] } };
      },
    },
  }));
}

function toJsonl(ctx, operation, data, groupObjects) {
  const levels = [];
  const grouped = [];
  let rootCount = 0;
  const emit = (type, selectionSet, node, parentId, depth) => {
    const line = {};
    const children = [];
    for (const f of collectFields(ctx, type, selectionSet)) {
      const key = f.node.alias ? f.node.alias.value : f.node.name.value;
      if (key === PARENT_ALIAS || !(key in node)) continue;
      const childType = getNamedType(f.fieldDef.type);
      if (isConnectionType(childType) && node[key]) children.push({ f, type: childType, value: node[key] });
      else line[key] = node[key];
    }
    if (parentId) line.__parentId = parentId;
    const text = JSON.stringify(line);
    if (groupObjects) grouped.push(text);
    else (levels[depth] = levels[depth] || []).push(text);
    for (const c of children) eachNode(c.type, c.f.node.selectionSet, c.value, node[PARENT_ALIAS] || null, depth + 1);
  };
  const eachNode = (connType, selectionSet, value, parentId, depth) => {
    for (const c of collectFields(ctx, connType, selectionSet)) {
      const key = c.node.alias ? c.node.alias.value : c.node.name.value;
      if (c.fieldDef.name === 'nodes') {
        for (const n of value[key] || []) {
          if (depth === 0) rootCount += 1;
          emit(getNamedType(c.fieldDef.type), c.node.selectionSet, n, parentId, depth);
        }
      } else if (c.fieldDef.name === 'edges') {
        const edgeType = getNamedType(c.fieldDef.type);
        for (const edge of value[key] || []) {
          for (const e of collectFields(ctx, edgeType, c.node.selectionSet)) {
            const ek = e.node.alias ? e.node.alias.value : e.node.name.value;
            if (e.fieldDef.name === 'node' && edge[ek]) {
              if (depth === 0) rootCount += 1;
              emit(getNamedType(e.fieldDef.type), e.node.selectionSet, edge[ek], parentId, depth);
            }
          }
        }
      }
    }
  };
  const [root] = collectFields(ctx, ctx.schema.getQueryType(), operation.selectionSet);
  const key = root.node.alias ? root.node.alias.value : root.node.name.value;
  eachNode(getNamedType(root.fieldDef.type), root.node.selectionSet, data[key], null, 0);
  const lines = groupObjects ? grouped : levels.flat();
  return { text: lines.length ? `${lines.join('\n')}\n` : '', objectCount: lines.length, rootObjectCount: rootCount };
}

function createBulk({ app, webhooks, baseUrl }) {
  const files = new Map(); // legacy id -> jsonl text

  async function complete(ctx, op, document, operation, groupObjects) {
    op.status = 'RUNNING';
    const schemaCtx = { schema: ctx.schema, fragments: fragmentsOf(document), variables: {} };
    try {
      const result = await execute({
        schema: ctx.schema, document, rootValue: ctx.root.query, contextValue: { ...ctx, bulk: true }, fieldResolver,
      });
      if (result.errors && result.errors.length) {
        const denied = result.errors.some((e) => e.extensions && e.extensions.code === 'ACCESS_DENIED');
        op.status = 'FAILED';
        op.errorCode = denied ? 'ACCESS_DENIED' : 'INTERNAL_SERVER_ERROR';
      } else {
        const out = toJsonl(schemaCtx, operation, result.data, groupObjects);
        files.set(op.legacyId, out.text);
        op.objectCount = out.objectCount;
        op.rootObjectCount = out.rootObjectCount;
        op.fileSize = Buffer.byteLength(out.text);
        op.url = out.objectCount ? `${baseUrl()}_sim/bulk/${op.legacyId}.jsonl` : null;
        op.status = 'COMPLETED';
      }
    } catch (err) {
      op.status = 'FAILED';
      op.errorCode = 'INTERNAL_SERVER_ERROR';
      process.stderr.write(`shopify-simulator: bulk operation failed: ${err.message}\n`);
    }
    op.completedAt = clock.isoAt(ctx.shop);
    webhooks.emit(ctx.shop, 'bulk_operations/finish', {
      admin_graphql_api_id: store.gid('BulkOperation', op.legacyId),
      completed_at: op.completedAt,
      created_at: op.createdAt,
      error_code: op.errorCode ? op.errorCode.toLowerCase() : null,
      status: op.status.toLowerCase(),
      type: op.type.toLowerCase(),
    }, { apiVersion: ctx.apiVersion });
  }

  function fragmentsOf(document) {
    const fragments = {};
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    return fragments;
  }

  /** The bulkOperationRunQuery resolver. ctx: the GraphQL context plus root (set by server.js). */
  function run(ctx, queryText, groupObjects) {
    const schema = loadSchema(ctx.apiVersion);
    let document;
    try {
      document = parse(queryText);
    } catch (err) {
      return userError(`Invalid bulk query: ${err.message}`);
    }
    const errors = validate(schema, document);
    if (errors.length) return userError(`Invalid bulk query: ${errors.map((e) => e.message).join('; ')}`);
    const operation = getOperationAST(document);
    if (!operation) return userError('Invalid bulk query: the query must contain exactly one operation.');
    const problem = checkRules({ schema, fragments: fragmentsOf(document), variables: {} }, operation);
    if (problem) return userError(problem);
    const running = ctx.shop.bulkOperations.filter((b) => b.type === 'QUERY' && ['CREATED', 'RUNNING'].includes(b.status));
    if (running.length >= MAX_CONCURRENT) {
      return userError(`A bulk query operation for this app and shop is already in progress: ${running.map((b) => store.gid('BulkOperation', b.legacyId)).join(', ')}.`, 'OPERATION_IN_PROGRESS');
    }
    const op = {
      legacyId: store.nextId(ctx.shop, 'BulkOperation'), status: 'CREATED', type: 'QUERY', query: queryText, createdAt: clock.isoAt(ctx.shop),
      completedAt: null, errorCode: null, objectCount: 0, rootObjectCount: 0, fileSize: null, url: null,
    };
    ctx.shop.bulkOperations.push(op);
    ctx.shop.counters.bulkOperations += 1;
    const rewritten = withParentIds(schema, document);
    const rewrittenOp = getOperationAST(rewritten);
    const runCtx = { ...ctx, schema };
    setTimeout(() => { complete(runCtx, op, rewritten, rewrittenOp, groupObjects); }, Math.max(0, app.bulkDelayMs));
    return { bulkOperation: shapes.bulkOperationNode(ctx.shop, op), userErrors: [] };
  }

  return { run, file: (id) => files.get(Number(id)) };
}

module.exports = { createBulk };
