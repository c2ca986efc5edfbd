/**
 * The Starlight peer of the benchmark: a stock Starlight site (bench/starlight-peer/, exact versions
 * of @astrojs/starlight and astro in its package.json) holding the same plan text, built next to
 * ours so the two are measured side by side. Everything happens under bench/out/starlight-peer/
 * (git-ignored): the fixture is copied there, the plan page is written from
 * content/sources/ke-hoach-83-kh-tu.txt, its packages come from the npm registry (`npm install`,
 * only when the bench runs, never in tests), and `astro build` runs Starlight's own Pagefind step.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FIXTURE = 'bench/starlight-peer';
const PLAN_SOURCE = 'content/sources/ke-hoach-83-kh-tu.txt';
/** The plan page's path on the peer (the same as ours). */
export const PEER_PLAN = 'van-ban/ke-hoach-83-kh-tu/';

/** A built peer, or why there is none. */
export type Peer = { status: 'ok'; distDir: string; installMs: number; buildMs: number; starlight: string; astro: string } | { status: 'n/a'; reason: string };

/**
 * The plan as Markdown: the source's paragraphs as they are (Markdown-escaped, never altered),
 * with its part and item headings ("I- …", "1. …" lines) as headings, as our page has them.
 */
export function planMarkdown(text: string): string {
  const esc = (s: string) => s.replace(/([\\`*_{}[\]<>#|~])/g, '\\$1');
  // A paragraph that starts like a list item, a rule or a setext underline ("-----") stays text.
  const para = (s: string) =>
    esc(s)
      .replace(/^([-+=])(\s|$|[-=]+$)/, '\\$1$2')
      .replace(/^(\d+)\.(\s)/, '$1\\.$2');
  const out = ['---', 'title: Kế hoạch số 83-KH/TU', 'description: Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên.', '---', ''];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\t/g, ' ').trim();
    if (!line) continue;
    if (/^[IVX]+-\s/.test(line)) out.push(`## ${esc(line)}`, '');
    else if (/^\d+\.\s/.test(line) && line.length < 140) out.push(`### ${esc(line)}`, '');
    else out.push(para(line), '');
  }
  return out.join('\n');
}

function run(cmd: string, args: string[], cwd: string, log: string): { ok: boolean; ms: number; tail: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  writeFileSync(log, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' / ');
  return { ok: r.status === 0, ms: Math.round(performance.now() - t0), tail };
}

/** Installs and builds the peer into `outDir` (default bench/out/starlight-peer). */
export function buildPeer(outDir = 'bench/out/starlight-peer', reuse = false): Peer {
  const dir = resolve(outDir);
  const distDir = join(dir, 'dist');
  mkdirSync(dir, { recursive: true });
  cpSync(FIXTURE, dir, { recursive: true });
  const md = join(dir, 'src/content/docs/van-ban/ke-hoach-83-kh-tu.md');
  mkdirSync(join(md, '..'), { recursive: true });
  writeFileSync(md, planMarkdown(readFileSync(PLAN_SOURCE, 'utf8')));
  let installMs = 0;
  if (!reuse || !existsSync(join(dir, 'node_modules/@astrojs/starlight'))) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const i = run(npm, ['install', '--no-audit', '--no-fund', '--no-package-lock'], dir, join(dir, 'install.log'));
    if (!i.ok) return { status: 'n/a', reason: `npm install of the Starlight peer failed (see ${outDir}/install.log): ${i.tail}` };
    installMs = i.ms;
  }
  let buildMs = 0;
  if (!reuse || !existsSync(join(distDir, PEER_PLAN, 'index.html'))) {
    const b = run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], dir, join(dir, 'build.log'));
    if (!b.ok) return { status: 'n/a', reason: `astro build of the Starlight peer failed (see ${outDir}/build.log): ${b.tail}` };
    buildMs = b.ms;
  }
  if (!existsSync(join(distDir, PEER_PLAN, 'index.html'))) return { status: 'n/a', reason: `the peer built no ${PEER_PLAN}` };
  if (!existsSync(join(distDir, 'pagefind/pagefind.js'))) return { status: 'n/a', reason: 'the peer built no Pagefind index' };
  const version = (p: string) => (JSON.parse(readFileSync(join(dir, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
  return { status: 'ok', distDir, installMs, buildMs, starlight: version('@astrojs/starlight'), astro: version('astro') };
}
