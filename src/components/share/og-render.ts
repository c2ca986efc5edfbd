/**
 * Build-time rendering of share cards: satori lays the card out as SVG with the text as paths,
 * resvg rasterises it to a 1200×630 PNG. Fonts are Fontsource's Be Vietnam Pro (latin + vietnamese
 * subsets, .woff: satori cannot read woff2), read from node_modules: nothing is fetched from any host.
 *
 * PNGs are cached by a hash of the card's text, the layout (version and source), the generators'
 * versions and the font files, in .astro/cache/og/ ($OG_CACHE_DIR), so an unchanged card is never rendered twice.
 * Per-build figures (rendered, reused, milliseconds) go to <cache>/last-build.json for the benchmark.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_LAYOUT_VERSION, CARD_WIDTH, cardTree } from '../../lib/share/card.ts';
import type { CardInput } from '../../lib/share/card.ts';

const root = process.cwd();
const pkgVersion = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** Cache directory of rendered cards. */
export function cacheDir(): string {
  return process.env.OG_CACHE_DIR || join(root, '.astro', 'cache', 'og');
}

interface Fonts {
  list: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[];
  hash: string;
}
let fonts: Fonts | undefined;

function loadFonts(): Fonts {
  if (fonts) return fonts;
  const dir = join(root, 'node_modules', '@fontsource', 'be-vietnam-pro', 'files');
  const h = createHash('sha256');
  const list: Fonts['list'] = [];
  for (const subset of ['latin', 'vietnamese']) {
    for (const weight of [400, 700] as const) {
      const data = readFileSync(join(dir, `be-vietnam-pro-${subset}-${weight}-normal.woff`));
      h.update(data);
      // One family name per subset: satori falls back across families, not across files of one family.
      list.push({ name: subset === 'latin' ? 'Be Vietnam Pro' : 'Be Vietnam Pro Vietnamese', data, weight, style: 'normal' });
    }
  }
  fonts = { list, hash: h.digest('hex').slice(0, 16) };
  return fonts;
}

let generator: string | undefined;
/**
 * Everything besides the card's text that changes the pixels: the layout (its version and its source,
 * so an edit without a version bump still renders again), the generators' versions and the fonts.
 */
function generatorKey(): string {
  const layout = createHash('sha256').update(readFileSync(join(root, 'src', 'lib', 'share', 'card.ts'))).digest('hex').slice(0, 16);
  generator ??= JSON.stringify({ version: CARD_LAYOUT_VERSION, layout, satori: pkgVersion('satori'), resvg: pkgVersion('@resvg/resvg-js'), fonts: loadFonts().hash });
  return generator;
}

/** The cache key of a card. */
export function cardHash(input: CardInput): string {
  return createHash('sha256').update(generatorKey()).update('\0').update(JSON.stringify(input)).digest('hex').slice(0, 32);
}

/** Figures of the current build. */
const stats = { rendered: 0, reused: 0, renderMs: 0, readMs: 0 };
let statsHooked = false;
function hookStats(): void {
  if (statsHooked) return;
  statsHooked = true;
  process.once('exit', () => {
    try {
      mkdirSync(cacheDir(), { recursive: true });
      const round = (n: number) => Math.round(n);
      writeFileSync(
        join(cacheDir(), 'last-build.json'),
        JSON.stringify({ ...stats, renderMs: round(stats.renderMs), readMs: round(stats.readMs), at: new Date().toISOString() }, null, 2),
      );
    } catch {
      // Figures are for the benchmark only; a read-only cache must not fail the build.
    }
  });
}

/** Renders a card to PNG, or returns the cached PNG of identical input. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  hookStats();
  const t0 = performance.now();
  const dir = cacheDir();
  const file = join(dir, `${cardHash(input)}.png`);
  if (existsSync(file)) {
    const png = readFileSync(file);
    stats.reused++;
    stats.readMs += performance.now() - t0;
    return png;
  }
  // satori's types want a React node; our tree has the same shape.
  const svg = await satori(cardTree(input) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts().list });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
  mkdirSync(dir, { recursive: true });
  // Write then rename, so a build stopped half-way never leaves a truncated PNG in the cache.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  stats.rendered++;
  stats.renderMs += performance.now() - t0;
  return png;
}
