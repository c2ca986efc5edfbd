/**
 * One share card to PNG: satori lays the card out as SVG with the text as paths, resvg rasterises it.
 * Fonts are Fontsource's Be Vietnam Pro (latin + vietnamese subsets, .woff: satori cannot read woff2),
 * read from node_modules: nothing is fetched from any host. Used in the build process and in the
 * render workers (og-worker.ts), so imports are relative with their .ts extension.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH, cardTree } from '../../lib/share/card.ts';
import type { CardInput } from '../../lib/share/card.ts';

interface Fonts {
  list: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[];
  hash: string;
}
let fonts: Fonts | undefined;

/** The card fonts and a hash of their bytes (part of the cache key). `root` is the project folder. */
export function loadFonts(root = process.cwd()): Fonts {
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

/** Renders a card to a 1200×630 PNG. */
export async function renderPng(input: CardInput): Promise<Buffer> {
  // satori's types want a React node; our tree has the same shape.
  const svg = await satori(cardTree(input) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts().list });
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}
