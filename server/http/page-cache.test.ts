import type { ServerBuild } from 'react-router';
import { describe, expect, it } from 'vitest';
import { bodyChunksFor, createPageCache, entityTagFor, matchesIfNoneMatch } from './page-cache.ts';

const Page = () => null;

// Just the part of a React Router build the cache reads: the flat route manifest with modules.
const build = {
  basename: '/',
  routes: {
    root: { id: 'root', path: '', module: { default: Page } },
    'routes/home': {
      id: 'routes/home',
      parentId: 'root',
      index: true,
      module: { default: Page, handle: { hydrate: false, publicCache: true } },
    },
    'routes/article': {
      id: 'routes/article',
      parentId: 'root',
      path: 'articles/:slug',
      module: { default: Page, handle: { hydrate: false, publicCache: true } },
    },
    // Sends no scripts, but reads a visitor's cookie: it does not opt in.
    'routes/checker-result': {
      id: 'routes/checker-result',
      parentId: 'root',
      path: 'checker/result',
      module: { default: Page, handle: { hydrate: false } },
    },
    // Opts in but hydrates: a nonce would be needed, so it is never kept.
    'routes/hydrating': {
      id: 'routes/hydrating',
      parentId: 'root',
      path: 'hydrating',
      module: { default: Page, handle: { publicCache: true } },
    },
    'routes/sitemap': {
      id: 'routes/sitemap',
      parentId: 'root',
      path: 'sitemap.xml',
      module: { loader: () => null, handle: { publicCache: true } },
    },
    'routes/workspace': {
      id: 'routes/workspace',
      parentId: 'root',
      path: 'workspace',
      module: { default: Page },
    },
    'routes/workspace-home': {
      id: 'routes/workspace-home',
      parentId: 'routes/workspace',
      index: true,
      module: { default: Page, handle: { hydrate: false, publicCache: true } },
    },
  },
} as unknown as ServerBuild; // a hand-made stand-in for the fields above

function cacheAt(start = 0, options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = start;
  const cache = createPageCache(build, {
    ttlMs: options.ttlMs ?? 10_000,
    maxEntries: options.maxEntries ?? 10,
    nowMs: () => now,
  });
  return { cache, advance: (ms: number) => (now += ms) };
}

const html = new Headers({ 'content-type': 'text/html' });

describe('public route kinds', () => {
  it('keeps only routes that opt in: pages without scripts, and resource routes', () => {
    const { cache } = cacheAt();
    expect(cache.publicRouteKind('/')).toBe('page');
    expect(cache.publicRouteKind('/articles/aftercare')).toBe('page');
    expect(cache.publicRouteKind('/sitemap.xml')).toBe('resource');
    expect(cache.publicRouteKind('/checker/result')).toBeNull();
    expect(cache.publicRouteKind('/hydrating')).toBeNull();
    expect(cache.publicRouteKind('/nowhere')).toBeNull();
  });

  it('needs every route of a nested page to opt in', () => {
    expect(cacheAt().cache.publicRouteKind('/workspace')).toBeNull();
  });
});

describe('kept pages', () => {
  it("puts each visitor's CSRF token where the placeholder was, and tags their bodies apart", () => {
    const { cache } = cacheAt();
    const p = cache.csrfPlaceholder;
    const page = cache.put(
      '/a',
      'page',
      html,
      `<form><input value="${p}"></form><form><input value="${p}"></form>`,
    );
    if (!page) throw new Error('not kept');
    expect(Buffer.concat(bodyChunksFor(page, 'tokenA')).toString()).toBe(
      '<form><input value="tokenA"></form><form><input value="tokenA"></form>',
    );
    expect(entityTagFor(page, 'tokenA')).not.toBe(entityTagFor(page, 'tokenB'));
    expect(entityTagFor(page, 'tokenA')).toBe(entityTagFor(page, 'tokenA'));
  });

  it('keeps text beyond Latin-1 intact', () => {
    const { cache } = cacheAt();
    const page = cache.put(
      '/u',
      'page',
      html,
      `<p>Aftercare – what’s normal ${cache.csrfPlaceholder} 🙂</p>`,
    );
    expect(Buffer.concat(bodyChunksFor(page!, 'tok')).toString()).toBe(
      '<p>Aftercare – what’s normal tok 🙂</p>',
    );
  });

  it('gives a page without a form one tag for everyone', () => {
    const { cache } = cacheAt();
    const page = cache.put('/b', 'page', html, '<p>Same for all</p>');
    if (!page) throw new Error('not kept');
    expect(entityTagFor(page, 'tokenA')).toBe(entityTagFor(page, 'tokenB'));
    expect(entityTagFor(page, 'x')).toMatch(/^W\/"[\w-]+"$/);
  });

  it('refuses a page that carries the nonce placeholder, and keeps no cookie', () => {
    const { cache } = cacheAt();
    expect(cache.put('/c', 'page', html, `<script nonce="${cache.noncePlaceholder}"></script>`)).toBeNull();
    expect(cache.get('/c')).toBeUndefined();
    const withCookie = new Headers({ 'content-type': 'text/html', 'set-cookie': 'a=b' });
    expect(cache.put('/d', 'page', withCookie, '<p></p>')?.headers).toEqual([['content-type', 'text/html']]);
  });

  it('forgets a page once its time is up, and everything when cleared', () => {
    const { cache, advance } = cacheAt(1_000, { ttlMs: 10_000 });
    cache.put('/e', 'page', html, '<p>e</p>');
    cache.put('/f', 'page', html, '<p>f</p>');
    advance(9_999);
    expect(cache.get('/e')).toBeDefined();
    advance(1);
    expect(cache.get('/e')).toBeUndefined();
    cache.put('/e', 'page', html, '<p>e</p>');
    cache.clear();
    expect([cache.get('/e'), cache.size]).toEqual([undefined, 0]);
  });

  it('holds at most maxEntries pages, dropping the oldest', () => {
    const { cache } = cacheAt(0, { maxEntries: 2 });
    for (const key of ['/1', '/2', '/3']) cache.put(key, 'page', html, key);
    expect([cache.get('/1'), cache.get('/2')?.parts.join(), cache.get('/3')?.parts.join()]).toEqual([
      undefined,
      '/2',
      '/3',
    ]);
  });

  it('uses a different pair of placeholders in every process', () => {
    const a = cacheAt().cache;
    const b = cacheAt().cache;
    expect(a.csrfPlaceholder).not.toBe(b.csrfPlaceholder);
    expect(a.noncePlaceholder).not.toBe(b.noncePlaceholder);
  });
});

describe('If-None-Match', () => {
  it('compares tags weakly, in a list, and takes * for any', () => {
    expect(matchesIfNoneMatch('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('*', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, 'W/"abc"')).toBe(false);
  });
});
