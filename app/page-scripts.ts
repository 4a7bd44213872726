/**
 * Whether a page sends client JavaScript. Pages that are complete as server-rendered HTML export
 * `handle = { hydrate: false }` from every route module of the page (root aside); a page made of
 * several routes hydrates if any of them asks for it. Used by root.tsx (whether to render the
 * scripts) and entry.server.tsx (whether the page needs the response's CSP nonce at all).
 */
export function pageSendsScripts(pageRouteHandles: readonly unknown[]): boolean {
  if (pageRouteHandles.length === 0) return true;
  return pageRouteHandles.some((handle) => (handle as { hydrate?: boolean } | undefined)?.hydrate !== false);
}
