import type { Route } from './+types/robots';

// robots.txt: public information pages are open to search engines; accounts, clinical
// workspaces, the APIs and personal checker results are not.
const PRIVATE_PATHS = [
  '/api/',
  '/fhir/',
  '/my-care',
  '/workspace',
  '/admin',
  '/checker/result',
  '/sign-in',
  '/register',
];

// The same for everyone: kept by server/http/page-cache.ts (with an ETag).
export const handle = { publicCache: true };

export function loader({ context }: Route.LoaderArgs) {
  const site = context.services.config.publicUrl;
  const body = [
    'User-agent: *',
    'Allow: /',
    ...PRIVATE_PATHS.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${site}/sitemap.xml`,
    '',
  ].join('\n');
  return new Response(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
