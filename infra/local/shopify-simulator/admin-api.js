'use strict';
/*
 * POST /{shop}/admin/api/{version}/graphql.json: authentication, parse/validate against the pinned schema of that
 * version, cost and leaky bucket, execution. Response shapes follow Shopify's: validation errors come back with
 * HTTP 200 and no data; throttling is an error with extensions.cost and actualQueryCost null.
 */
const {
  parse, validate, execute, getOperationAST, getVariableValues, GraphQLError,
} = require('graphql');
const { loadSchema } = require('./schema');
const { requestedCost, actualCost, Bucket, SINGLE_QUERY_MAX_COST } = require('./cost');
const { fieldResolver } = require('./resolvers');

function bucketOf(shop) {
  if (!shop.bucketState) shop.bucketState = new Bucket(shop.bucket.maximumAvailable, shop.bucket.restoreRate);
  return shop.bucketState;
}

function shopifyValidationError(error) {
  const json = error.toJSON();
  // Shopify's own wording for the two errors clients hit most; graphql-js's wording otherwise.
  const undefinedField = /^Cannot query field "([^"]+)" on type "([^"]+)"/.exec(error.message);
  const missingArgument = /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required/.exec(error.message);
  if (undefinedField) {
    json.message = `Field '${undefinedField[1]}' doesn't exist on type '${undefinedField[2]}'`;
    json.extensions = { code: 'undefinedField', typeName: undefinedField[2], fieldName: undefinedField[1] };
  } else if (missingArgument) {
    json.message = `Field '${missingArgument[1]}' is missing required arguments: ${missingArgument[2]}`;
    json.extensions = { code: 'missingRequiredArguments', className: 'Field', name: missingArgument[1], arguments: missingArgument[2] };
  } else if (!json.extensions || !json.extensions.code) json.extensions = { ...(json.extensions || {}), code: 'GRAPHQL_VALIDATION_FAILED' };
  return json;
}

function errorJson(error, code) {
  const json = error.toJSON ? error.toJSON() : { message: String(error.message || error) };
  if (code && (!json.extensions || !json.extensions.code)) json.extensions = { ...(json.extensions || {}), code };
  return json;
}

/**
 * Runs one GraphQL request for an authenticated token. Returns {status, body}.
 * request: {query, variables, operationName}; auth: {shop, scopes}; root: {query, mutation} from resolvers.js.
 */
async function runGraphql({ shop, scopes, version, request, root }) {
  const schema = loadSchema(version);
  if (!request || typeof request.query !== 'string') {
    return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
  }
  let document;
  try {
    document = parse(request.query);
  } catch (err) {
    return { status: 200, body: { errors: [errorJson(err, 'GRAPHQL_PARSE_FAILED')] } };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length) return { status: 200, body: { errors: validationErrors.map(shopifyValidationError) } };

  const operation = getOperationAST(document, request.operationName || undefined);
  if (!operation) {
    const message = request.operationName ? `Unknown operation named "${request.operationName}".` : 'An operation name is required';
    return { status: 200, body: { errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } };
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions || [], request.variables || {});
  if (coerced.errors) return { status: 200, body: { errors: coerced.errors.map((e) => errorJson(e, 'INVALID_VARIABLE')) } };

  const { cost, errors: argErrors } = requestedCost(schema, document, operation, coerced.coerced);
  if (argErrors.length) return { status: 200, body: { errors: argErrors.map((e) => errorJson(e)) } };
  const bucket = bucketOf(shop);
  if (cost > SINGLE_QUERY_MAX_COST) {
    return {
      status: 200,
      body: {
        errors: [{
          message: `Query cost is ${cost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).

See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the
cost of a query is calculated.

To query larger amounts of data with fewer limits, bulk operations should be used instead.
See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.
`,
          extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: SINGLE_QUERY_MAX_COST },
        }],
      },
    };
  }
  if (!bucket.take(cost)) {
    shop.counters.throttled += 1;
    return {
      status: 200,
      body: {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: bucket.status() } },
      },
    };
  }

  const rootValue = operation.operation === 'mutation' ? root.mutation : root.query;
  const contextValue = {
    shop, scopes, apiVersion: version, bulk: false, schema, root,
  };
  let result;
  try {
    result = await execute({
      schema, document, rootValue, contextValue, variableValues: request.variables || {}, operationName: request.operationName || undefined,
      fieldResolver,
    });
  } catch (err) {
    bucket.refund(cost);
    throw err;
  }
  const actual = Math.min(cost, actualCost(schema, document, operation, coerced.coerced, result.data));
  bucket.refund(cost - actual);
  const body = {};
  if (result.errors) body.errors = result.errors.map((e) => errorJson(e));
  body.data = result.data === undefined ? null : result.data;
  body.extensions = { cost: { requestedQueryCost: cost, actualQueryCost: actual, throttleStatus: bucket.status() } };
  return { status: 200, body };
}

module.exports = { runGraphql, bucketOf, GraphQLError };
