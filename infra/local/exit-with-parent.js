'use strict';
/*
 * exit-with-parent.js: make a local emulator process die with whoever started it.
 *
 * Preload it:   node -r ./infra/local/exit-with-parent.js <script> [args]
 * (with ./ or an absolute path: a bare `-r infra/local/...` is looked up as a package),
 * or require it first thing in a script (cosmos-standin.js does). For Azurite:
 *   node -r ./infra/local/exit-with-parent.js infra/local/node_modules/azurite/dist/src/azurite.js ...
 *
 * - stdin is a pipe or socket (the parent spawned us with a stdin pipe, e.g. .NET's
 *   RedirectStandardInput or Node's stdio 'pipe'): when it reaches EOF or errors, which
 *   is what happens when the parent exits or is SIGKILLed and the kernel closes its end,
 *   we exit at once. Data written to stdin is read and discarded. The watch is unref'd,
 *   so it never keeps the event loop alive by itself.
 *   So the parent must give the process its own stdin pipe (RedirectStandardInput = true)
 *   and keep it open: a child that inherits an already-closed stdin pipe exits at once
 *   (it says so on stderr).
 * - stdin is a TTY, /dev/null, a file or closed (someone runs it by hand, or a script
 *   with no stdin): no EOF watch, since EOF there says nothing about a parent.
 * - SIGTERM, SIGINT and SIGHUP exit at once (128 + signal number), ahead of any slower
 *   shutdown handler the script installs (Azurite's waits for its servers to close).
 */
const fs = require('fs');

const INSTALLED = Symbol.for('sooperseller.exit-with-parent');

function stdinIsPipe() {
  try {
    const stat = fs.fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false; // fd 0 closed
  }
}

function install() {
  if (process[INSTALLED]) return;
  process[INSTALLED] = true;

  for (const [signal, number] of [['SIGTERM', 15], ['SIGINT', 2], ['SIGHUP', 1]]) {
    process.on(signal, () => process.exit(128 + number));
  }

  if (!stdinIsPipe()) return;
  const stdin = process.stdin; // a net.Socket for pipes and sockets
  const exitNow = () => {
    process.stderr.write(`exit-with-parent: stdin closed (parent gone), pid ${process.pid} exiting\n`);
    process.exit(0);
  };
  stdin.on('end', exitNow);
  stdin.on('close', exitNow);
  stdin.on('error', exitNow);
  stdin.resume(); // flowing mode with no 'data' listener: read and discard
  if (typeof stdin.unref === 'function') stdin.unref();
}

install();
