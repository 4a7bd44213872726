// The public site (issue 10): article page throughput and latency through the real server beside a
// bare node:http server answering the same bytes (same client, same connections), and the client
// JavaScript each page type makes the browser download.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findFreePort } from '#tests/setup/server-process.ts';
import { type LoadResult, runHttpLoad } from './http-load.ts';
import { type BenchResult, compared, figure } from './measure.ts';
import { CLIENT_DIR, ROOT, startBenchServer } from './web-server.ts';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const RUN_SECONDS = 5;
const RUNS = 2;
const KB = 1024;

/** `/articles/<slug>` for the first article that answers, else the home page. */
async function pickArticlePath(baseUrl: string): Promise<string> {
  const slugs = readdirSync(path.join(ROOT, 'content/articles'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => f.replace(/\.md$/, ''));
  for (const slug of slugs) {
    if ((await fetch(`${baseUrl}/articles/${slug}`)).status === 200) return `/articles/${slug}`;
  }
  return '/';
}

/** The JavaScript files a page loads: its modulepreload links and the imports of its module scripts. */
export function scriptsOfPage(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const i of m[1]!.matchAll(/import\s*(?:[^"']*from\s*)?["']([^"']+\.js)["']/g)) found.add(i[1]!);
  }
  for (const m of html.matchAll(/<script[^>]*src="([^"]+\.js)"/g)) found.add(m[1]!);
  return [...found];
}

function gzippedBytesOf(scripts: readonly string[]): { raw: number; gzipped: number } {
  let raw = 0;
  let gzipped = 0;
  for (const src of scripts) {
    if (!src.startsWith('/assets/')) throw new Error(`unexpected script address ${src}`);
    const bytes = readFileSync(path.join(CLIENT_DIR, src));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzipped };
}

function startBareServer(body: Buffer, contentType: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
      res.end(body);
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export async function benchWeb(log: (line: string) => void): Promise<BenchResult[]> {
  const app = await startBenchServer();
  let bare: Server | null = null;
  try {
    const articlePath = await pickArticlePath(app.url);
    const page = await fetch(`${app.url}${articlePath}`);
    if (page.status !== 200) throw new Error(`${articlePath} answered ${page.status}`);
    const body = Buffer.from(await page.arrayBuffer());
    const contentType = page.headers.get('content-type') ?? 'text/html';
    log(`  article page ${articlePath}: ${body.length} bytes of HTML`);

    const results: BenchResult[] = [];
    const pages: [string, string][] = [
      ['article page', articlePath],
      ['home page', '/'],
      ['conditions page', '/conditions'],
      ['sign-in page', '/sign-in'],
    ];
    for (const [label, pagePath] of pages) {
      const res = await fetch(`${app.url}${pagePath}`);
      if (res.status !== 200) {
        log(`  ${pagePath} answered ${res.status}: no JavaScript figure for it`);
        continue;
      }
      const scripts = scriptsOfPage(await res.text());
      const size = gzippedBytesOf(scripts);
      log(`  ${label}: ${scripts.length} scripts, ${(size.raw / KB).toFixed(1)} KB before gzip`);
      results.push(
        figure(
          `client JavaScript, ${label} (${scripts.length} files, gzip -9)`,
          'KB',
          size.gzipped / KB,
          label === 'article page' ? { text: '< 60 KB', meets: ({ value }) => value < 60 } : undefined,
        ),
      );
    }

    const barePort = await findFreePort();
    bare = await startBareServer(body, contentType, barePort);
    const appUrl = `${app.url}${articlePath}`;
    const bareUrl = `http://127.0.0.1:${barePort}${articlePath}`;
    await runHttpLoad(appUrl, CONNECTIONS, WARMUP_SECONDS);
    await runHttpLoad(bareUrl, CONNECTIONS, WARMUP_SECONDS);
    const appRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    // Alternate the two servers so that background load on the machine weighs on both alike.
    for (let i = 0; i < RUNS; i += 1) {
      appRuns.push(await runHttpLoad(appUrl, CONNECTIONS, RUN_SECONDS));
      bareRuns.push(await runHttpLoad(bareUrl, CONNECTIONS, RUN_SECONDS));
    }
    for (const run of [...appRuns, ...bareRuns]) {
      if (run.notOk > 0 || run.errors > 0) {
        throw new Error(`the load run had ${run.notOk} non-2xx answers and ${run.errors} errors`);
      }
    }
    const rate = (runs: LoadResult[]) =>
      runs.reduce((n, r) => n + r.ok, 0) / runs.reduce((s, r) => s + r.seconds, 0);
    const mean = (runs: LoadResult[], pick: (r: LoadResult) => number) =>
      runs.reduce((s, r) => s + pick(r), 0) / runs.length;
    const bareName = `bare node:http server, same ${body.length} bytes`;
    log(`  ${RUNS} × ${RUN_SECONDS} s per server, ${CONNECTIONS} keep-alive connections, alternately`);
    results.unshift(
      compared(
        `article page throughput, ${CONNECTIONS} connections`,
        'requests/s',
        rate(appRuns),
        { name: bareName, value: rate(bareRuns) },
        { text: 'ratio ≥ 0.4', meets: ({ ratio }) => ratio !== undefined && ratio >= 0.4 },
      ),
      compared(
        `article page latency p50, ${CONNECTIONS} connections`,
        'ms',
        mean(appRuns, (r) => r.latencyP50Ms),
        { name: bareName, value: mean(bareRuns, (r) => r.latencyP50Ms) },
      ),
      compared(
        `article page latency p99, ${CONNECTIONS} connections`,
        'ms',
        mean(appRuns, (r) => r.latencyP99Ms),
        { name: bareName, value: mean(bareRuns, (r) => r.latencyP99Ms) },
      ),
    );
    return results;
  } finally {
    await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
    await app.stop();
  }
}
