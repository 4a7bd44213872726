// Public reading pages, rendered once and kept in this process for anonymous visitors (issue 10).
//
// A route opts in with `handle.publicCache = true` and only if its HTML is the same for every
// anonymous visitor: it reads no cookie and shows nothing personal. HTML pages must also send no
// scripts (`handle.hydrate = false`), so the response's CSP nonce never appears in them. Two parts
// of a response still differ per visitor and are never kept:
// - the CSRF token in forms: the page is rendered with a placeholder that is replaced per response;
// - cookies and the CSP header, which web.ts adds to each response.
// Entries live `ttlMs` at most, which bounds how stale a page can be after a change made by
// another process; changes made in this process clear the cache at once (ServiceContext
// `contentChanges`).
import { hash, randomBytes } from 'node:crypto';
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router';

export type PublicRouteKind = 'page' | 'resource';

/** One kept response: its headers (no cookies), and its body split at the CSRF placeholder. */
export type CachedPage = {
  kind: PublicRouteKind;
  headers: Array<[string, string]>;
  /** UTF-8, encoded once: encoding a 10 KB page per answer cost more than the rest of it. */
  parts: Array<Buffer<ArrayBuffer>>;
  /** A hash of the body as rendered (placeholder included): equal bodies, equal tags. */
  bodyHash: string;
  storedAtMs: number;
};

export type PageCache = {
  /** Stand-ins the page is rendered with; a different random pair in every process. */
  readonly csrfPlaceholder: string;
  readonly noncePlaceholder: string;
  /** Whether the path's route opted in, and whether it is an HTML page or a resource route. */
  publicRouteKind(pathname: string): PublicRouteKind | null;
  get(key: string): CachedPage | undefined;
  /** Keeps a rendered body; refuses one that carries the nonce placeholder (it needs scripts). */
  put(key: string, kind: PublicRouteKind, headers: Headers, body: string): CachedPage | null;
  clear(): void;
  readonly size: number;
};

type RouteHandle = { hydrate?: boolean; publicCache?: boolean } | undefined;

export function createPageCache(
  build: ServerBuild,
  options: { ttlMs: number; maxEntries: number; nowMs: () => number },
): PageCache {
  const tree = routeTree(build);
  const entries = new Map<string, CachedPage>();
  const csrfPlaceholder = `csrf-placeholder-${randomBytes(12).toString('hex')}`;
  const noncePlaceholder = `nonce-placeholder-${randomBytes(12).toString('hex')}`;

  const kindOf = (pathname: string): PublicRouteKind | null => {
    const matches = matchRoutes(tree, pathname, build.basename) ?? [];
    const own = matches.filter((m) => m.route.id !== 'root');
    const leaf = own.at(-1);
    if (!leaf) return null;
    const modules = own.map((m) => (m.route.id ? build.routes[m.route.id]?.module : undefined));
    const handles = modules.map((m) => m?.handle as RouteHandle);
    if (!handles.every((h) => h?.publicCache === true)) return null;
    const isResource = !modules.at(-1)?.default;
    if (isResource) return 'resource';
    return handles.every((h) => h?.hydrate === false) ? 'page' : null;
  };

  return {
    csrfPlaceholder,
    noncePlaceholder,
    publicRouteKind: kindOf,
    get(key) {
      const entry = entries.get(key);
      if (entry && options.nowMs() - entry.storedAtMs >= options.ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    put(key, kind, headers, body) {
      if (body.includes(noncePlaceholder)) return null;
      const kept: Array<[string, string]> = [];
      headers.forEach((value, name) => {
        if (name !== 'set-cookie') kept.push([name, value]);
      });
      const entry: CachedPage = {
        kind,
        headers: kept,
        parts: body.split(csrfPlaceholder).map((part) => Buffer.from(part, 'utf8')),
        bodyHash: hash('sha256', body, 'base64url').slice(0, 27),
        storedAtMs: options.nowMs(),
      };
      if (!entries.has(key) && entries.size >= options.maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, entry);
      return entry;
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * The body for one visitor, as chunks to send in order: the kept parts with their CSRF token
 * (UTF-8) in place of the placeholder. Chunks, so that no answer copies the page.
 */
export function bodyChunksFor(entry: CachedPage, csrfToken: string): Array<Buffer<ArrayBuffer>> {
  if (entry.parts.length === 1) return entry.parts;
  const token = Buffer.from(csrfToken, 'utf8');
  return entry.parts.flatMap((part, i) => (i === 0 ? [part] : [token, part]));
}

/**
 * A weak entity tag for the body one visitor gets: the kept body's hash, plus a hash of their
 * CSRF token when the page carries one (then two visitors' bodies differ, and so do their tags).
 */
export function entityTagFor(entry: CachedPage, csrfToken: string): string {
  if (entry.parts.length === 1) return `W/"${entry.bodyHash}"`;
  // One-shot `hash`: no Hash object per answer (and none for the garbage collector to finalise).
  const token = hash('sha256', csrfToken, 'base64url').slice(0, 12);
  return `W/"${entry.bodyHash}.${token}"`;
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => opaque(candidate) === opaque(tag));
}

/** React Router's flat route manifest as the nested route objects `matchRoutes` takes. */
function routeTree(build: ServerBuild): RouteObject[] {
  const byParent = new Map<string | undefined, Array<NonNullable<ServerBuild['routes'][string]>>>();
  for (const route of Object.values(build.routes)) {
    if (!route) continue;
    const siblings = byParent.get(route.parentId) ?? [];
    siblings.push(route);
    byParent.set(route.parentId, siblings);
  }
  const nest = (parentId: string | undefined): RouteObject[] =>
    (byParent.get(parentId) ?? []).map((route) =>
      route.index
        ? { id: route.id, index: true, ...(route.path !== undefined ? { path: route.path } : {}) }
        : {
            id: route.id,
            ...(route.path !== undefined ? { path: route.path } : {}),
            caseSensitive: route.caseSensitive ?? false,
            children: nest(route.id),
          },
    );
  return nest(undefined);
}
