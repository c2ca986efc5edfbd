import { chromium } from 'playwright-core';
const [url, out, from, to] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 390, height: 900 } });
await p.goto(url!);
const a = (await p.locator(from!).first().boundingBox())!;
const z = to ? (await p.locator(to).first().boundingBox())! : { y: a.y + 1400 };
await p.screenshot({ path: out!, fullPage: true, clip: { x: 0, y: a.y - 10, width: 390, height: z.y - a.y } });
await b.close();
