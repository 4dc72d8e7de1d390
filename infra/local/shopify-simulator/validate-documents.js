#!/usr/bin/env node
'use strict';
/*
 * Validates GraphQL documents against a pinned Shopify Admin API schema (see schema.js), so that the C# client's
 * documents are checked offline by the unit tests.
 *
 * Usage (cwd infra/local):  node shopify-simulator/validate-documents.js < request.json
 *   stdin:  {"version":"2026-10","documents":[{"name":"GetShop","text":"query GetShop { shop { id } }"}]}
 *   stdout: {"results":[{"name":"GetShop","errors":[]}]}   one result per document, in order
 * Errors are graphql-js's parse error or every standard validation rule's message, with "(line:column)".
 * Exit 0 when the input was understood (whether or not documents are valid); 2 on bad input or unknown version.
 */
const { parse, validate } = require('graphql');
const { loadSchema } = require('./schema');

function fail(message) {
  process.stderr.write(`validate-documents: ${message}\n`);
  process.exit(2);
}

function withLocations(error) {
  const where = (error.locations || []).map((l) => `${l.line}:${l.column}`).join(', ');
  return where ? `${error.message} (${where})` : error.message;
}

function validateOne(schema, text) {
  let document;
  try {
    document = parse(text);
  } catch (err) {
    return [withLocations(err)];
  }
  return validate(schema, document).map(withLocations);
}

function main(input) {
  let request;
  try {
    request = JSON.parse(input);
  } catch (err) {
    fail(`stdin is not JSON: ${err.message}`);
  }
  if (!request || typeof request.version !== 'string' || !Array.isArray(request.documents)) {
    fail('expected {"version":"2026-10","documents":[{"name":"...","text":"..."}]}');
  }
  let schema;
  try {
    schema = loadSchema(request.version);
  } catch (err) {
    fail(err.message);
  }
  const results = request.documents.map((doc, i) => {
    if (!doc || typeof doc.text !== 'string') return { name: doc && doc.name ? String(doc.name) : `#${i}`, errors: ['document has no "text"'] };
    return { name: doc.name === undefined ? `#${i}` : String(doc.name), errors: validateOne(schema, doc.text) };
  });
  process.stdout.write(`${JSON.stringify({ results })}\n`);
}

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => main(Buffer.concat(chunks).toString('utf8')));
