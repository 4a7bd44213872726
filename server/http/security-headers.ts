// The hardening headers every answer carries (issue 8). One list, used by the Hono middleware in
// app.ts and by the kept-page fast path in kept-page.ts, which answers before Hono runs: the two
// cannot drift apart.

/** For answers that set no policy of their own (API, FHIR, errors): load nothing, never framed. */
export const LOAD_NOTHING_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Names in lower case, as Headers reports them. Pages add their own CSP with a nonce (web.ts). */
export function securityHeaders(servedOverHttps: boolean): ReadonlyArray<readonly [string, string]> {
  return [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['x-frame-options', 'DENY'],
    // Only when the public address is https: it would pin a deployment without TLS to https.
    ...(servedOverHttps
      ? [['strict-transport-security', 'max-age=31536000; includeSubDomains'] as const]
      : []),
  ];
}

/**
 * Scripts run only from our origin or with this response's nonce (React Router's inline hydration
 * data carries it), so injected markup cannot run script. Style attributes stay allowed: they
 * cannot execute code, and server-rendered charts use them.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
