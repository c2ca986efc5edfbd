/**
 * Build-time share cards (og:image) with a cache: PNGs live in .astro/cache/og/ ($OG_CACHE_DIR) under
 * a hash of the card's text, the layout (version and source), the generators' versions and the font
 * files, so an unchanged card is never rendered twice. Rendering itself is og-png.ts.
 *
 * `prerender()` renders every uncached card of the build up front in worker threads (one per core),
 * since Astro asks for the cards one at a time; `renderCard()` then only waits for its own file. If
 * workers cannot start, cards are rendered in this process as they are asked for.
 * Per-build figures (rendered, reused, milliseconds) go to <cache>/last-build.json for the benchmark.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { CARD_LAYOUT_VERSION } from '../../lib/share/card.ts';
import type { CardInput } from '../../lib/share/card.ts';
import { loadFonts, renderPng } from './og-png.ts';

const root = process.cwd();
const pkgVersion = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** Cache directory of rendered cards. */
export function cacheDir(): string {
  return process.env.OG_CACHE_DIR || join(root, '.astro', 'cache', 'og');
}

let generator: string | undefined;
/**
 * Everything besides the card's text that changes the pixels: the layout (its version and its source,
 * so an edit without a version bump still renders again), the generators' versions and the fonts.
 */
function generatorKey(): string {
  generator ??= JSON.stringify({
    version: CARD_LAYOUT_VERSION,
    layout: createHash('sha256').update(readFileSync(join(root, 'src', 'lib', 'share', 'card.ts'))).digest('hex').slice(0, 16),
    satori: pkgVersion('satori'),
    resvg: pkgVersion('@resvg/resvg-js'),
    fonts: loadFonts(root).hash,
  });
  return generator;
}

/** The cache key of a card. */
export function cardHash(input: CardInput): string {
  return createHash('sha256').update(generatorKey()).update('\0').update(JSON.stringify(input)).digest('hex').slice(0, 32);
}

const fileOf = (input: CardInput) => join(cacheDir(), `${cardHash(input)}.png`);

/** Figures of the current build; renderMs is wall time from the first render started to the last one done. */
const stats = { rendered: 0, reused: 0, renderMs: 0, readMs: 0, workers: 0 };
let firstStart = 0;
const renderedAt = () => {
  stats.rendered++;
  stats.renderMs = performance.now() - firstStart;
};
/** A copy of this build's figures so far. */
export function cardStats(): typeof stats {
  return { ...stats };
}
let statsHooked = false;
function hookStats(): void {
  if (statsHooked) return;
  statsHooked = true;
  process.once('exit', () => {
    try {
      mkdirSync(cacheDir(), { recursive: true });
      writeFileSync(
        join(cacheDir(), 'last-build.json'),
        JSON.stringify({ ...stats, renderMs: Math.round(stats.renderMs), readMs: Math.round(stats.readMs), at: new Date().toISOString() }, null, 2),
      );
    } catch {
      // Figures are for the benchmark only; a read-only cache must not fail the build.
    }
  });
}

/** Cards queued for or being rendered by workers, by cache file: resolves true once the file is written. */
const pending = new Map<string, Promise<boolean>>();
let started = false;

/** Fewer uncached cards than this are rendered in-process: starting workers would cost more. */
const POOL_MIN = 8;

/**
 * Starts rendering every uncached card among `inputs` in worker threads (once per build; later
 * calls do nothing). Returns at once; each renderCard() waits for its own card.
 */
export function prerender(inputs: CardInput[]): void {
  if (started) return;
  started = true;
  hookStats();
  const todo = [...new Map(inputs.map((i) => [fileOf(i), i])).entries()].filter(([file]) => !existsSync(file));
  const script = join(root, 'src', 'components', 'share', 'og-worker.ts');
  if (todo.length < POOL_MIN || !existsSync(script)) return;
  mkdirSync(cacheDir(), { recursive: true });
  const resolvers = new Map<string, (ok: boolean) => void>();
  for (const [file] of todo) pending.set(file, new Promise((resolve) => resolvers.set(file, resolve)));
  const settle = (file: string, ok: boolean) => {
    resolvers.get(file)?.(ok);
    resolvers.delete(file);
  };
  const queue = [...todo];
  let alive = 0;
  // When no worker is left, what is still queued goes back to renderCard() (rendered in-process).
  const orphan = () => {
    if (alive > 0) return;
    for (const [file] of queue.splice(0)) settle(file, false);
  };
  firstStart ||= performance.now();
  const size = Math.max(1, Math.min(4, availableParallelism(), Math.ceil(todo.length / POOL_MIN)));
  for (let w = 0; w < size; w++) {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      continue;
    }
    alive++;
    stats.workers++;
    worker.unref();
    let current: string | undefined;
    const feed = () => {
      const job = queue.shift();
      current = job?.[0];
      if (!job) return void worker.terminate();
      worker.postMessage({ id: 0, input: job[1], file: job[0] });
    };
    worker.on('message', (m: { error?: string }) => {
      if (!m.error) renderedAt();
      if (current) settle(current, !m.error);
      feed();
    });
    worker.on('error', () => {
      if (current) settle(current, false);
      current = undefined;
    });
    worker.on('exit', () => {
      if (current) settle(current, false);
      alive--;
      orphan();
    });
    feed();
  }
  orphan();
}

/** The PNG of a card: from the cache, from a worker started by prerender(), or rendered here. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  hookStats();
  const file = fileOf(input);
  const t0 = performance.now();
  if (existsSync(file) && !pending.has(file)) {
    const png = readFileSync(file);
    stats.reused++;
    stats.readMs += performance.now() - t0;
    return png;
  }
  if (pending.has(file) && (await pending.get(file)) && existsSync(file)) {
    pending.delete(file);
    return readFileSync(file);
  }
  pending.delete(file);
  firstStart ||= t0;
  const png = await renderPng(input);
  mkdirSync(cacheDir(), { recursive: true });
  // Write then rename, so a build stopped half-way never leaves a truncated PNG in the cache.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  renderedAt();
  return png;
}
