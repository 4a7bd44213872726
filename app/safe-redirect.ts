/**
 * Only same-site paths may be redirected to after sign-in; anything else (absolute URLs,
 * protocol-relative `//host`, backslash tricks) falls back to the given default.
 */
export function safeRedirectPath(target: string | null | undefined, fallback: string): string {
  if (!target || typeof target !== 'string') return fallback;
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(target)) return fallback;
  return target;
}
