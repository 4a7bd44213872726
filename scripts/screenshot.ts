import { chromium } from 'playwright-core';

// Developer aid: `tsx scripts/screenshot.ts URL OUT.png [width] [cookie]` — look at a page as a user would.
const [url = 'http://127.0.0.1:3000/', out = 'tmp/shot.png', width = '1280'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(out);
