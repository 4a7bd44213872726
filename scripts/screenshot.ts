import { chromium } from 'playwright-core';

// Developer aid: `tsx scripts/screenshot.ts URL OUT.png [width] [cookie]` — look at a page as a user would.
// `cookie` is `name=value` pairs separated by `; ` (as a Cookie header), sent to the URL's host: a
// signed-in page needs the session cookie, e.g. `bp_session=…`.
const [url = 'http://127.0.0.1:3000/', out = 'tmp/shot.png', width = '1280', cookie = ''] =
  process.argv.slice(2);
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
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 } });
if (cookie) {
  await context.addCookies(
    cookie
      .split(/;\s*/)
      .filter((pair) => pair.includes('='))
      .map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim(), url };
      }),
  );
}
const page = await context.newPage();
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(out);
