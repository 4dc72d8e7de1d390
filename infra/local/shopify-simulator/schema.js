'use strict';
/*
 * Shopify Admin GraphQL schemas, pinned. They come from the npm tarball of @shopify/dev-mcp (version and
 * sha512 integrity pinned in ../package.json under "pinnedTarballs"), fetched with `npm pack` rather than
 * installed, because installing it pulls ~300 packages we do not need. Only
 * package/dist/data/admin_<version>.json.gz is kept, in infra/local/.shopify-schemas/ (git-ignored).
 *
 * The first caller downloads and extracts under a lock file; parallel test processes wait for it, and every
 * file is written to a temporary name and renamed, so a reader never sees half a file.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');
const { buildClientSchema } = require('graphql');

const LOCAL_DIR = path.resolve(__dirname, '..');
const CACHE_DIR = path.join(LOCAL_DIR, '.shopify-schemas');
const PACKAGE = '@shopify/dev-mcp';
const LOCK_STALE_MS = 5 * 60 * 1000;

function pin() {
  const pkg = JSON.parse(fs.readFileSync(path.join(LOCAL_DIR, 'package.json'), 'utf8'));
  const pinned = pkg.pinnedTarballs && pkg.pinnedTarballs[PACKAGE];
  if (!pinned || !pinned.version || !pinned.integrity) throw new Error(`package.json has no pinnedTarballs["${PACKAGE}"]`);
  return pinned;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function markerPath(pinned) {
  // The integrity is part of the marker so that a changed pin re-extracts.
  const tag = crypto.createHash('sha256').update(pinned.integrity).digest('hex').slice(0, 16);
  return path.join(CACHE_DIR, `.complete-${pinned.version}-${tag}`);
}

function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

// Minimal ustar reader: the tarball is npm's, regular files with short names, so no pax/GNU long names needed.
function* tarEntries(buffer) {
  let offset = 0;
  while (offset + 512 <= buffer.length) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) return;
    const field = (start, length) => header.subarray(start, start + length).toString('utf8').replace(/\0[\s\S]*$/, '');
    const name = field(0, 100);
    const prefix = field(345, 155);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const start = offset + 512;
    yield { name: prefix ? `${prefix}/${name}` : name, type, data: buffer.subarray(start, start + size) };
    offset = start + Math.ceil(size / 512) * 512;
  }
}

function download(pinned) {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopify-schemas-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['pack', `${PACKAGE}@${pinned.version}`, '--pack-destination', tmpDir, '--json', '--loglevel=error'], {
      cwd: tmpDir, encoding: 'utf8', shell: process.platform === 'win32', timeout: 5 * 60 * 1000,
    });
    if (result.status !== 0) throw new Error(`npm pack ${PACKAGE}@${pinned.version} failed: ${result.stderr || result.error}`);
    const tgz = fs.readdirSync(tmpDir).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${PACKAGE}@${pinned.version} produced no tarball`);
    const bytes = fs.readFileSync(path.join(tmpDir, tgz));
    const actual = `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`;
    if (actual !== pinned.integrity) {
      throw new Error(`${PACKAGE}@${pinned.version} integrity mismatch: expected ${pinned.integrity}, got ${actual}`);
    }
    const files = [];
    for (const entry of tarEntries(zlib.gunzipSync(bytes))) {
      const match = /^package\/dist\/data\/(admin_[0-9a-z-]+\.json\.gz)$/.exec(entry.name);
      if (match && (entry.type === '0' || entry.type === '')) files.push({ name: match[1], data: entry.data });
    }
    if (files.length === 0) throw new Error(`${PACKAGE}@${pinned.version} has no dist/data/admin_*.json.gz`);
    return files;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

function acquireLock(lockFile) {
  const deadline = Date.now() + 10 * 60 * 1000;
  for (;;) {
    try {
      return fs.openSync(lockFile, 'wx');
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      try {
        // A holder that died leaves the file behind; after a generous timeout it is taken over.
        if (Date.now() - fs.statSync(lockFile).mtimeMs > LOCK_STALE_MS) fs.rmSync(lockFile, { force: true });
      } catch { /* removed meanwhile */ }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockFile}`);
      sleep(200);
    }
  }
}

/** Makes sure the pinned schemas are extracted; returns the cache directory. */
function ensureSchemas() {
  const pinned = pin();
  const marker = markerPath(pinned);
  if (fs.existsSync(marker)) return CACHE_DIR;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const lockFile = path.join(CACHE_DIR, '.lock');
  const fd = acquireLock(lockFile);
  try {
    if (fs.existsSync(marker)) return CACHE_DIR;
    for (const file of download(pinned)) writeAtomic(path.join(CACHE_DIR, file.name), file.data);
    writeAtomic(marker, `${PACKAGE}@${pinned.version}\n`);
    return CACHE_DIR;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(lockFile, { force: true });
  }
}

/** Admin API versions in the pinned tarball, e.g. ["2025-10", ..., "2026-10", "unstable"]. */
function availableVersions() {
  const dir = ensureSchemas();
  return fs.readdirSync(dir)
    .map((f) => /^admin_(.+)\.json\.gz$/.exec(f))
    .filter(Boolean)
    .map((m) => m[1])
    .sort();
}

const cache = new Map();

/** The GraphQLSchema of one Admin API version (cached per process). */
function loadSchema(version) {
  if (!/^[0-9a-z-]+$/.test(String(version))) throw new Error(`bad Admin API version "${version}"`);
  if (cache.has(version)) return cache.get(version);
  const file = path.join(ensureSchemas(), `admin_${version}.json.gz`);
  if (!fs.existsSync(file)) throw new Error(`no pinned Admin API schema for version ${version}`);
  const introspection = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));
  const schema = buildClientSchema(introspection.data || introspection);
  cache.set(version, schema);
  return schema;
}

module.exports = { loadSchema, availableVersions, ensureSchemas, CACHE_DIR };
