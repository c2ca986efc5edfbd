/**
 * Builds one site the way `npm run build` (scripts/build.ts) does — validate content, astro
 * build, Pagefind — but with its own content and output folders, timing each step separately.
 * Astro runs with `--force` so every build re-reads its whole content (no content-layer cache
 * carried over from another corpus). Each step's output goes to a log file, not the console.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Durations of the three build steps, in milliseconds. */
export interface BuildTimes {
  validate: number;
  astro: number;
  pagefind: number;
  total: number;
}

/** Runs a command with output to `logFile`; resolves with its duration, rejects with the log tail on failure. */
export function timedRun(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Math.round(performance.now() - t0);
      log.end(() => {
        if (code === 0) return resolve(ms);
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
export async function buildSite(opts: { contentDir: string; outDir: string; logDir: string }): Promise<BuildTimes> {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: opts.contentDir, ASTRO_OUT_DIR: opts.outDir };
  delete env.BASE_PATH;
  rmSync(opts.outDir, { recursive: true, force: true });
  const node = process.execPath;
  const validate = await timedRun(node, ['scripts/validate-content.ts', opts.contentDir], env, join(opts.logDir, 'validate.log'));
  const astro = await timedRun(node, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], env, join(opts.logDir, 'astro.log'));
  // Same choice as scripts/build.ts: the project's Pagefind wrapper when it exists, else the CLI.
  const pagefindArgs = existsSync('scripts/lib/pagefind.ts')
    ? ['scripts/lib/pagefind.ts', opts.outDir]
    : ['node_modules/pagefind/lib/runner/bin.cjs', '--site', opts.outDir];
  const pagefind = await timedRun(node, pagefindArgs, env, join(opts.logDir, 'pagefind.log'));
  return { validate, astro, pagefind, total: validate + astro + pagefind };
}
