import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
await p.goto('http://127.0.0.1:4710/hoc-tap/02-nghi-quyet-27-va-chuoi-van-ban/trinh-chieu/#5');
await p.waitForTimeout(500);
await p.screenshot({ path: '/tmp/wt10-deck.png' });
await b.close();
