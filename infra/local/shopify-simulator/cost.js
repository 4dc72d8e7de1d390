'use strict';
/*
 * Shopify's calculated query cost and the per app+shop leaky bucket.
 * Requested cost (before running): scalars and enums 0, objects/interfaces/unions 1, connections 2 + first×(cost of
 * one node), mutations 10. Actual cost (after running) counts the nodes really returned. Shopify deducts the
 * requested cost up front and refunds the difference, which is what `take`/`refund` do.
 */
const {
  Kind, getNamedType, isCompositeType, isObjectType, isLeafType, typeFromAST, valueFromAST, GraphQLError,
} = require('graphql');
const { pageArgsError } = require('./connection');

const SINGLE_QUERY_MAX_COST = 1000;

function isConnectionType(type) {
  return isObjectType(type) && /Connection$/.test(type.name) && Boolean(type.getFields().pageInfo);
}

function argValues(fieldDef, node, variables) {
  const out = {};
  for (const argDef of fieldDef.args) {
    const argNode = (node.arguments || []).find((a) => a.name.value === argDef.name);
    if (argNode) out[argDef.name] = valueFromAST(argNode.value, argDef.type, variables);
    else if (argDef.defaultValue !== undefined) out[argDef.name] = argDef.defaultValue;
  }
  return out;
}

function skipped(node, variables) {
  for (const d of node.directives || []) {
    const ifArg = (d.arguments || []).find((a) => a.name.value === 'if');
    if (!ifArg) continue;
    const value = ifArg.value.kind === Kind.VARIABLE ? variables[ifArg.value.name.value] : ifArg.value.value;
    if (d.name.value === 'skip' && value) return true;
    if (d.name.value === 'include' && !value) return true;
  }
  return false;
}

/** Flattens fields of a selection set (through fragments) as [{node, fieldDef, parentType}]. */
function collectFields(ctx, parentType, selectionSet, out = []) {
  for (const sel of selectionSet.selections) {
    if (skipped(sel, ctx.variables)) continue;
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      const fields = parentType.getFields ? parentType.getFields() : {};
      const fieldDef = fields[sel.name.value];
      if (fieldDef) out.push({ node: sel, fieldDef });
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const type = sel.typeCondition ? typeFromAST(ctx.schema, sel.typeCondition) : parentType;
      if (type) collectFields(ctx, type, sel.selectionSet, out);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = ctx.fragments[sel.name.value];
      if (fragment) collectFields(ctx, typeFromAST(ctx.schema, fragment.typeCondition), fragment.selectionSet, out);
    }
  }
  return out;
}

function fieldCost(ctx, { node, fieldDef }, errors) {
  const type = getNamedType(fieldDef.type);
  if (isLeafType(type)) return 0;
  if (!isCompositeType(type) || !node.selectionSet) return 0;
  if (isConnectionType(type)) {
    const args = argValues(fieldDef, node, ctx.variables);
    const problem = ctx.bulk ? null : pageArgsError(args);
    if (problem) {
      errors.push(new GraphQLError(problem, { nodes: [node], extensions: { code: 'BAD_REQUEST' } }));
      return 2;
    }
    const size = ctx.bulk ? 1 : (args.first ?? args.last ?? 0);
    let perNode = 0;
    for (const child of collectFields(ctx, type, node.selectionSet)) {
      const name = child.fieldDef.name;
      if (name === 'edges') {
        const edgeType = getNamedType(child.fieldDef.type);
        for (const edgeChild of collectFields(ctx, edgeType, child.node.selectionSet || { selections: [] })) {
          if (edgeChild.fieldDef.name === 'node') perNode = Math.max(perNode, fieldCost(ctx, edgeChild, errors));
        }
      } else if (name === 'nodes') {
        perNode = Math.max(perNode, 1 + selectionCost(ctx, getNamedType(child.fieldDef.type), child.node.selectionSet, errors));
      }
    }
    return 2 + size * perNode;
  }
  return 1 + selectionCost(ctx, type, node.selectionSet, errors);
}

function selectionCost(ctx, type, selectionSet, errors) {
  if (!selectionSet) return 0;
  let total = 0;
  for (const f of collectFields(ctx, type, selectionSet)) total += fieldCost(ctx, f, errors);
  return total;
}

/** {cost, errors}: the requested cost of the operation, and argument errors found on the way (first/last). */
function requestedCost(schema, document, operation, variables, { bulk = false } = {}) {
  const fragments = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const ctx = { schema, fragments, variables: variables || {}, bulk };
  const errors = [];
  if (operation.operation === 'mutation') {
    const roots = collectFields(ctx, schema.getMutationType(), operation.selectionSet);
    for (const root of roots) selectionCost(ctx, getNamedType(root.fieldDef.type), root.node.selectionSet, errors);
    return { cost: 10 * roots.length, errors };
  }
  return { cost: selectionCost(ctx, schema.getQueryType(), operation.selectionSet, errors), errors };
}

/** Actual cost from the response data: connections cost 2 + the nodes actually returned. */
function actualCost(schema, document, operation, variables, data) {
  if (!data) return 0;
  if (operation.operation === 'mutation') return 10 * Object.keys(data).length;
  const fragments = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const ctx = { schema, fragments, variables: variables || {} };
  const walk = (type, selectionSet, value) => {
    if (value === null || value === undefined || !selectionSet) return 0;
    if (Array.isArray(value)) return value.reduce((s, v) => s + walk(type, selectionSet, v), 0);
    let total = 0;
    for (const f of collectFields(ctx, type, selectionSet)) {
      const key = f.node.alias ? f.node.alias.value : f.node.name.value;
      const child = value[key];
      const childType = getNamedType(f.fieldDef.type);
      if (isLeafType(childType) || child === null || child === undefined) continue;
      if (isConnectionType(childType)) {
        total += 2;
        for (const c of collectFields(ctx, childType, f.node.selectionSet)) {
          const k = c.node.alias ? c.node.alias.value : c.node.name.value;
          if (c.fieldDef.name === 'nodes') {
            total += (child[k] || []).reduce((s, n) => s + 1 + walk(getNamedType(c.fieldDef.type), c.node.selectionSet, n), 0);
          } else if (c.fieldDef.name === 'edges') {
            const edgeType = getNamedType(c.fieldDef.type);
            for (const edge of child[k] || []) {
              for (const e of collectFields(ctx, edgeType, c.node.selectionSet)) {
                const ek = e.node.alias ? e.node.alias.value : e.node.name.value;
                if (e.fieldDef.name === 'node' && edge[ek]) total += 1 + walk(getNamedType(e.fieldDef.type), e.node.selectionSet, edge[ek]);
              }
            }
          }
        }
      } else {
        const items = Array.isArray(child) ? child : [child];
        total += items.filter((x) => x !== null).length ? 1 + walk(childType, f.node.selectionSet, child) : 0;
      }
    }
    return total;
  };
  return walk(schema.getQueryType(), operation.selectionSet, data);
}

/** Leaky bucket per app+shop, restored in real time. */
class Bucket {
  constructor(maximumAvailable, restoreRate) {
    this.configure(maximumAvailable, restoreRate);
    this.available = this.maximumAvailable;
    this.at = Date.now();
  }

  configure(maximumAvailable, restoreRate) {
    this.maximumAvailable = Number(maximumAvailable);
    this.restoreRate = Number(restoreRate);
    if (this.available !== undefined) this.available = Math.min(this.available, this.maximumAvailable);
  }

  current() {
    const now = Date.now();
    this.available = Math.min(this.maximumAvailable, this.available + ((now - this.at) / 1000) * this.restoreRate);
    this.at = now;
    return this.available;
  }

  take(cost) {
    if (this.current() < cost) return false;
    this.available -= cost;
    return true;
  }

  refund(points) {
    this.current();
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }

  status() {
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.current()), restoreRate: this.restoreRate };
  }
}

module.exports = {
  requestedCost, actualCost, Bucket, isConnectionType, collectFields, SINGLE_QUERY_MAX_COST,
};
