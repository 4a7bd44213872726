// Database statements per request for the main pages (issue 10), through the real app and the
// built site on the demo clinic (PGlite), counted by wrapping the driver. A count, not a time: it
// does not depend on the machine's load. The first request of each page is counted; anonymous
// reading pages are then served from the in-process page cache, which the second figure shows.
import { seedArticlesOnce } from '#services/content/seed-articles.ts';
import { loadDemoContent } from '#services/demo/demo-content.ts';
import { countPageQueries, demoSessionCookies, mainPages } from '#tests/setup/page-queries.ts';
import { countQueries } from '#tests/setup/query-counter.ts';
import { createWebTestApp } from '#tests/setup/web-test-app.ts';
import { openPgliteBenchDatabase } from './bench-database.ts';
import { type BenchResult, figure } from './measure.ts';

const ARTICLE_SLUG = 'your-first-session';
const NO_BASELINE = 'none: a count of SQL statements (transaction control left out)';

export async function benchPageQueries(log: (line: string) => void): Promise<BenchResult[]> {
  const bench = await openPgliteBenchDatabase();
  try {
    await loadDemoContent(bench.ctx);
    await seedArticlesOnce(bench.ctx);
    const app = await createWebTestApp(bench.ctx);
    const counter = countQueries(bench.ctx.db);
    const cookies = await demoSessionCookies(bench.ctx);
    const pages = mainPages(ARTICLE_SLUG);
    const first = await countPageQueries(app, counter, cookies, pages);
    const again = await countPageQueries(app, counter, cookies, pages);
    const results: BenchResult[] = [];
    first.forEach((page, i) => {
      if (page.status !== 200) throw new Error(`${page.path} answered ${page.status}`);
      const repeat = again[i]!;
      log(`  ${page.path} (${page.viewer}): ${page.queries} statements; again: ${repeat.queries}`);
      results.push({
        ...figure(
          `database statements per request, ${page.label} (${page.path})`,
          'statements',
          page.queries,
        ),
        note: `${NO_BASELINE}; the same request again: ${repeat.queries}`,
      });
    });
    return results;
  } finally {
    await bench.close();
  }
}
