import { launchBrowser } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
const server = await startStaticServer({ root: 'dist', gzip: true });
const browser = await launchBrowser();
const pages: Record<string, string> = { plan: 'van-ban/ke-hoach-83-kh-tu/', quiz: 'kiem-tra/01-ke-hoach-83-kh-tu/', progress: 'kiem-tra/tien-do/', search: 'tim-kiem/', trainer: 'giang-vien/', handout: 'hoc-tap/01-ke-hoach-83-kh-tu/tai-lieu/', home: '' };
for (const [name, path] of Object.entries(pages)) for (const width of [360, 1280]) for (const js of [true, false]) {
  const ctx = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 }, javaScriptEnabled: js });
  const page = await ctx.newPage();
  await page.goto(server.url + path, { waitUntil: 'load' });
  if (js) await page.waitForFunction(() => !document.querySelector('script[data-modules]') || document.documentElement.dataset.modules === 'ready', null, { timeout: 60000 });
  if (name === 'home') await page.evaluate(() => document.querySelector('#luu-offline')?.scrollIntoView());
  if (name === 'quiz' || name === 'trainer') await page.evaluate(() => document.querySelector(location.pathname.includes('giang') ? 'tt-session' : 'tt-quiz')?.scrollIntoView());
  await page.screenshot({ path: `/tmp/paint/${name}-${width}-${js ? 'js' : 'nojs'}.png` });
  await ctx.close();
}
// The no-voice note, after pressing "Nghe đọc".
const ctx = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 900 } });
const page = await ctx.newPage();
await page.goto(server.url + pages.plan, { waitUntil: 'load' });
await page.waitForFunction(() => document.documentElement.dataset.modules === 'ready');
await page.getByRole('button', { name: 'Nghe đọc', exact: true }).click();
await page.waitForSelector('.listen__none:not([hidden])');
await page.screenshot({ path: '/tmp/paint/plan-360-novoice-pressed.png' });
await browser.close(); await server.close();
