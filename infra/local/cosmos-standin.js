#!/usr/bin/env node
'use strict';
/*
 * Cosmos DB stand-in for local runs and tests: @vercel/cosmosdb-server 1.0.1, patched at
 * start-up (nothing in node_modules is edited) to work with Microsoft.Azure.Cosmos 3.x in
 * Gateway mode. There is no official emulator we can run here (see the platform notes).
 *
 * Usage:
 *   node infra/local/cosmos-standin.js [--host 127.0.0.1] [--port 0]
 *        [--fault-rate 0] [--fault-statuses 429,408,503] [--fault-retry-after-ms 10]
 *        [--fault-max-per-operation N] [--verbose]
 *
 *   Serves plain HTTP with keep-alive on host:port (port 0 = any free port). When ready it
 *   prints exactly one line to stdout:
 *     {"event":"ready","endpoint":"http://127.0.0.1:<port>/"}
 *   Anything else goes to stderr (only unexpected errors, or every request with --verbose).
 *   It exits when its stdin pipe closes (the parent died) or on SIGTERM/SIGINT: see
 *   exit-with-parent.js. State is in memory only.
 *
 * Client settings (.NET): new CosmosClient(endpoint, <any base64 key>, new CosmosClientOptions
 *   { ConnectionMode = ConnectionMode.Gateway, LimitToEndpoint = true }). Keys are not checked.
 *
 * Control API (same port, plain JSON):
 *   PUT    /_standin/faults  {"rate":0.3,"statuses":[429,408,503],"retryAfterMs":10,"maxPerOperation":null,"seed":null}
 *            (seed: an integer makes the fault sequence the same on every run, for deterministic tests)
 *            From then on each data-plane request (anything under /dbs/{db}/colls/{coll}/docs:
 *            item reads and writes, queries, query plans, change feed) fails with probability
 *            `rate`, with a status picked at random from `statuses`, before anything is applied.
 *            429s carry x-ms-retry-after-ms: retryAfterMs and x-ms-substatus: 3200, so the SDK
 *            retries them; all faults carry x-ms-standin-fault: true. Account, database,
 *            container and partition-key-range requests never fault. maxPerOperation (optional,
 *            null = no cap) caps the faults per SDK operation (its retries share one
 *            x-ms-activity-id): uncapped at rate 0.5, about 1 operation in 1,024 gets ten 429s
 *            in a row and exhausts the SDK's default 9 retries; with a cap of 3 all complete.
 *            Omitted fields keep their values. Answers with the new settings.
 *   DELETE /_standin/faults  no more faults (rate 0; statuses and delay back to the CLI's).
 *   GET    /_standin/faults  the current settings.
 *   GET    /_standin/stats   {"faultsInjected":N,"requests":N}  (requests: all Cosmos requests)
 *   DELETE /_standin/stats   resets both counters.
 *
 * What is fixed relative to the library (each patch says which, in cosmos-standin/):
 *   - query plans: a pass-through plan over the one partition key range "" to "FF", so
 *     ORDER BY, aggregates and TOP run in the server (query.js);
 *   - queries and read feeds scoped to the x-ms-documentdb-partitionkey header (query.js);
 *   - 404 with code NotFound for missing items, and for documents of a missing container
 *     (server.js, errors.js);
 *   - SELECT DISTINCT and a trailing OFFSET/LIMIT (rewritten, applied after the query);
 *     CONTAINS/STARTSWITH/ENDSWITH with the ignore-case argument; STRINGEQUALS; REPLACE
 *     replacing all occurrences; reversed composite indexes serving ORDER BY; queries no
 *     longer quadratic in the number of items (query.js);
 *   - TTL: container defaultTtl and item ttl, expired items hidden at once and swept every
 *     250 ms (store.js);
 *   - change feed (LatestVersion) with a global LSN per write, stored as _lsn on each item:
 *     from the beginning, from now, from a time and from a continuation; 304 when nothing
 *     is new (changefeed.js);
 *   - keep-alive instead of Connection: close, http:// account locations (server.js);
 *   - 413 RequestEntityTooLarge for items over 2 MB; 400 when the body's partition key
 *     differs from the header's; exact partition identity (null, None, 0, "" and 1 vs "1"
 *     were one partition; all hierarchical components count); container replace no longer
 *     drops the container's items (store.js, server.js);
 *   - fault injection (faults.js).
 * Not supported, with a clear 501 "... not supported by the stand-in": TransactionalBatch
 * and bulk mode (the SDK's binary HybridRow format), GROUP BY, change feed in
 * AllVersionsAndDeletes mode, and DISTINCT/OFFSET/LIKE where the rewrite does not reach
 * (subqueries, e.g. LINQ's Distinct().Count(); LIKE at all). Not emulated: auth, RU
 * charges, throttling other than injected faults, offers/throughput, more than one
 * physical partition. DISTINCT and OFFSET/LIMIT queries are evaluated whole on each page.
 */
require('./exit-with-parent');
const { createStandinServer } = require('./cosmos-standin/server');

const USAGE = 'usage: node cosmos-standin.js [--host 127.0.0.1] [--port 0] [--fault-rate 0] '
  + '[--fault-statuses 429,408,503] [--fault-retry-after-ms 10] [--fault-max-per-operation N] [--verbose]';

function parseArgs(argv) {
  const args = {
    host: '127.0.0.1', port: 0, rate: 0, statuses: [429, 408, 503], retryAfterMs: 10, maxPerOperation: null, verbose: false,
  };
  const number = (flag, value) => {
    const n = Number(value);
    if (value === undefined || Number.isNaN(n)) throw new Error(`${flag} needs a number`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    switch (flag) {
      case '--host': args.host = argv[++i]; break;
      case '--port': args.port = number(flag, argv[++i]); break;
      case '--fault-rate': args.rate = number(flag, argv[++i]); break;
      case '--fault-statuses': args.statuses = String(argv[++i]).split(',').map((s) => number(flag, s.trim())); break;
      case '--fault-retry-after-ms': args.retryAfterMs = number(flag, argv[++i]); break;
      case '--fault-max-per-operation': args.maxPerOperation = number(flag, argv[++i]); break;
      case '--verbose': args.verbose = true; break;
      case '-h': case '--help': process.stdout.write(`${USAGE}\n`); process.exit(0); break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`cosmos-standin: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  let server;
  try {
    server = createStandinServer({
      faults: {
        rate: args.rate, statuses: args.statuses, retryAfterMs: args.retryAfterMs, maxPerOperation: args.maxPerOperation,
      },
      verbose: args.verbose,
    });
  } catch (err) {
    process.stderr.write(`cosmos-standin: ${err.message}\n`);
    process.exit(2);
  }
  server.on('error', (err) => {
    process.stderr.write(`cosmos-standin: ${err.message}\n`);
    process.exit(1);
  });
  server.listen(args.port, args.host, () => {
    const { address, port } = server.address();
    let host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : address;
    if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
    process.stdout.write(`${JSON.stringify({ event: 'ready', endpoint: `http://${host}:${port}/` })}\n`);
  });
}

main();
