import { listConditions } from '#core/clinical/conditions/index.ts';
import { listPublishedArticleDates } from '#services/content/articles.ts';
import { absoluteUrl } from '../seo';
import type { Route } from './+types/sitemap';

// sitemap.xml (sitemaps.org protocol 0.9): the public pages, each condition and each published
// article, with the date its content last changed where we know it.

const PUBLIC_PAGES = ['/', '/conditions', '/articles', '/checker', '/book', '/contact'];

function escapeXml(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );
}

// The same for everyone: kept by server/http/page-cache.ts (with an ETag).
export const handle = { publicCache: true };

export async function loader({ context }: Route.LoaderArgs) {
  const site = context.services.config.publicUrl;
  const entries: Array<{ path: string; lastmod?: string }> = [
    ...PUBLIC_PAGES.map((path) => ({ path })),
    ...listConditions().map((c) => ({ path: `/conditions/${c.id}`, lastmod: c.reviewedOn })),
    ...(await listPublishedArticleDates(context.services)).map((a) => ({
      path: `/articles/${a.slug}`,
      lastmod: a.updatedAt.toISOString().slice(0, 10),
    })),
  ];
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (e) =>
        `  <url><loc>${escapeXml(absoluteUrl(site, e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
