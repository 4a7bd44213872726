/**
 * Only same-site paths may be redirected to after sign-in; anything else (absolute URLs,
 * protocol-relative `//host`, backslash tricks) falls back to the given default.
 */
export function safeRedirectPath(target: string | null | undefined, fallback: string): string {
  if (!target || typeof target !== 'string') return fallback;
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if ([...target].some((ch) => ch.charCodeAt(0) < 0x20)) return fallback;
  return target;
}
