import { launchBrowser } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { instrument, readPaint, throttle, paintPages, DEVTOOLS_MOBILE } from './lib/paint.ts';
const dist = process.argv[2] ?? 'dist';
const doThrottle = process.argv.includes('--throttle');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const server = await startStaticServer({ root: dist, gzip: true });
const browser = await launchBrowser();
const pages = paintPages({ plan: 'ke-hoach-83-kh-tu', summary: 'ket-luan-52-kl-tw', study: '01-ke-hoach-83-kh-tu', quiz: '01-ke-hoach-83-kh-tu' });
for (const [type, path] of Object.entries(pages)) {
  if (only && !only.includes(type)) continue;
  for (const voice of [false, true]) {
    const ctx = await browser.newContext({ locale: 'vi-VN', viewport: DEVTOOLS_MOBILE.viewport });
    const page = await ctx.newPage();
    await instrument(page, { voice });
    if (doThrottle) await throttle(page);
    await page.goto(server.url + path.slice(1), { waitUntil: 'load', timeout: 120000 });
    await page.waitForFunction(() => !document.querySelector('script[data-modules]') || document.documentElement.dataset.modules === 'ready', null, { timeout: 60000 });
    await page.waitForTimeout(doThrottle ? 6000 : 3500);
    const r = await readPaint(page);
    console.log(`${type} voice=${voice} fcp=${r.fcp?.toFixed(0)} lcp=${r.lcp?.toFixed(0)} (${r.lcpNode}) cls=${r.cls.toFixed(4)}`);
    for (const s of r.shifts) console.log(`   shift ${s.value.toFixed(4)} @${s.time.toFixed(0)}: ${s.nodes.join(' | ')}`);
    await ctx.close();
  }
}
await browser.close(); await server.close();
