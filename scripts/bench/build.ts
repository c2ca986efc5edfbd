/**
 * Builds one site the way `npm run build` (scripts/build.ts) does — validate content, astro
 * build, Pagefind, then the offline manifest when the project has that step — but with its own content and output folders, timing each step separately.
 * Astro runs with `--force` so every build re-reads its whole content (no content-layer cache
 * carried over from another corpus). Each step's output goes to a log file, not the console.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Durations of the build steps, in milliseconds. */
export interface BuildTimes {
  validate: number;
  astro: number;
  pagefind: number;
  /** The offline step (scripts/lib/offline.ts: file manifest and service worker), null when the project has none. */
  offline: number | null;
  total: number;
  /**
   * CPU time (user + system, the step and all its child processes) of each step. Unlike wall
   * time it hardly depends on what else runs on the machine, so it is the fairer figure for
   * growth; on an idle machine a step's wall time is at most about its CPU time.
   */
  cpu: { validate: number; astro: number; pagefind: number; offline: number | null; total: number };
  /** Share cards (og:image) of this build, from src/components/share/og-render.ts; null when the project has none. */
  cards?: CardStats | null;
  /** The same astro step run again with the cards cache filled (bench.ts --no-warm-cards skips it). */
  cardsWarm?: { astroMs: number; cards: CardStats | null };
}

/** What the share-card step did in one astro build (<OG_CACHE_DIR>/last-build.json). */
export interface CardStats {
  /** Cards rendered (satori + resvg) because their hash was not in the cache. */
  rendered: number;
  /** Cards copied from the cache. */
  reused: number;
  /** Time spent rendering and writing, and reading cached cards, in ms (inside the astro step). */
  renderMs: number;
  readMs: number;
}

/** Reads the card figures an astro build left in its cache folder, or null. */
export function readCardStats(ogCacheDir: string): CardStats | null {
  const f = join(ogCacheDir, 'last-build.json');
  if (!existsSync(f)) return null;
  const { rendered, reused, renderMs, readMs } = JSON.parse(readFileSync(f, 'utf8')) as CardStats;
  return { rendered, reused, renderMs, readMs };
}

/**
 * Runs only the astro step again over an already built site, keeping the share-card cache: the
 * warm case (what a rebuild with unchanged content pays for cards). Resolves with its wall time and card figures.
 */
export async function rebuildAstroWarm(opts: { contentDir: string; outDir: string; logDir: string; ogCacheDir: string }): Promise<{ astroMs: number; cards: CardStats | null }> {
  // A folder of its own: astro empties its output folder, and the measured build's search index
  // (written by the Pagefind step into outDir) must survive for the search comparisons that follow.
  const warmOut = `${opts.outDir}-warm-cards`;
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: opts.contentDir, ASTRO_OUT_DIR: warmOut, OG_CACHE_DIR: opts.ogCacheDir };
  for (const key of ['BASE_PATH', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'TEST']) delete env[key];
  rmSync(join(opts.ogCacheDir, 'last-build.json'), { force: true });
  try {
    const astro = await timedRun(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], env, join(opts.logDir, 'astro-warm-cards.log'));
    return { astroMs: astro.wallMs, cards: readCardStats(opts.ogCacheDir) };
  } finally {
    rmSync(warmOut, { recursive: true, force: true });
  }
}

/** Wall and CPU time of one command. */
export interface RunTime {
  wallMs: number;
  /** user + sys of the command and its children (bash `times`), or null if unavailable. */
  cpuMs: number | null;
}

/** Parses the children line of bash's `times` output ("1m2.345s 0m3.456s") into ms. */
export function parseTimes(text: string): number | null {
  const line = text.trim().split('\n')[1];
  const m = line && /^(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s$/.exec(line.trim());
  if (!m) return null;
  return Math.round((Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000);
}

/**
 * Runs a command (through bash, to read its CPU time with `times`) with output to `logFile`;
 * resolves with its wall and CPU time, rejects with the log tail on failure.
 */
export function timedRun(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<RunTime> {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const timesFile = `${logFile}.times`;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const script = '"$@"; rc=$?; times > "$BENCH_TIMES_FILE"; exit $rc';
    const child = spawn('bash', ['-c', script, 'bench', cmd, ...args], {
      env: { ...env, BENCH_TIMES_FILE: timesFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Math.round(performance.now() - t0);
      log.end(() => {
        if (code === 0) {
          const cpuMs = existsSync(timesFile) ? parseTimes(readFileSync(timesFile, 'utf8')) : null;
          rmSync(timesFile, { force: true });
          return resolve({ wallMs: ms, cpuMs });
        }
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
        reject(new Error(`${[cmd, ...args].join(' ')} exited with ${code} after ${ms} ms; see ${logFile}\n${tail}`));
      });
    });
  });
}

/**
 * Builds `contentDir` into `outDir`; logs go to `logDir/<step>.log`. The site is built for the
 * root path ("/") whatever BASE_PATH says, so pages can be served and compared as-is.
 */
export async function buildSite(opts: { contentDir: string; outDir: string; logDir: string; ogCacheDir?: string }): Promise<BuildTimes> {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: opts.contentDir, ASTRO_OUT_DIR: opts.outDir };
  // Share cards start from an empty cache of their own: the cold case.
  if (opts.ogCacheDir) {
    rmSync(opts.ogCacheDir, { recursive: true, force: true });
    env.OG_CACHE_DIR = opts.ogCacheDir;
  }
  // Like scripts/build.ts: no Vite/Vitest leftovers that Astro would take over the config.
  for (const key of ['BASE_PATH', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'TEST']) {
    delete env[key];
  }
  rmSync(opts.outDir, { recursive: true, force: true });
  const node = process.execPath;
  const validate = await timedRun(node, ['scripts/validate-content.ts', opts.contentDir], env, join(opts.logDir, 'validate.log'));
  const astro = await timedRun(node, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], env, join(opts.logDir, 'astro.log'));
  // Same choice as scripts/build.ts: the project's Pagefind wrapper when it exists, else the CLI.
  const pagefindArgs = existsSync('scripts/lib/pagefind.ts')
    ? ['scripts/lib/pagefind.ts', opts.outDir]
    : ['node_modules/pagefind/lib/runner/bin.cjs', '--site', opts.outDir];
  const pagefind = await timedRun(node, pagefindArgs, env, join(opts.logDir, 'pagefind.log'));
  const offline = existsSync('scripts/lib/offline.ts')
    ? await timedRun(node, ['scripts/lib/offline.ts', opts.outDir], env, join(opts.logDir, 'offline.log'))
    : null;
  const cpu = (r: RunTime) => r.cpuMs ?? Number.NaN;
  return {
    validate: validate.wallMs,
    astro: astro.wallMs,
    pagefind: pagefind.wallMs,
    offline: offline?.wallMs ?? null,
    total: validate.wallMs + astro.wallMs + pagefind.wallMs + (offline?.wallMs ?? 0),
    cpu: {
      validate: cpu(validate),
      astro: cpu(astro),
      pagefind: cpu(pagefind),
      offline: offline ? cpu(offline) : null,
      total: cpu(validate) + cpu(astro) + cpu(pagefind) + (offline ? cpu(offline) : 0),
    },
    cards: opts.ogCacheDir ? readCardStats(opts.ogCacheDir) : null,
  };
}
