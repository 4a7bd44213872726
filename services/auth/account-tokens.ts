// Signed, expiring links for email verification and password reset. Nothing is stored: the token
// carries the user id, the purpose and the expiry, signed with a key derived from APP_SECRET. A
// fingerprint binds it to the state it was issued for, so a verification link dies when the email
// changes, and a reset link dies as soon as the password changes (it works once).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type AccountTokenPurpose = 'verify-email' | 'reset-password';

export const ACCOUNT_TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  'verify-email': 48 * 3600_000,
  'reset-password': 3600_000,
};

type Payload = { p: AccountTokenPurpose; u: string; x: number; f: string };

export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 16);
}

function sign(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`account-token:${body}`).digest();
}

export function issueAccountToken(
  secret: string,
  purpose: AccountTokenPurpose,
  userId: string,
  boundTo: string,
  now: Date,
): string {
  const payload: Payload = {
    p: purpose,
    u: userId,
    x: now.getTime() + ACCOUNT_TOKEN_LIFETIME_MS[purpose],
    f: fingerprint(boundTo),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

export type ReadToken = { userId: string; fingerprint: string };

/**
 * The user id and fingerprint of a genuine, unexpired token for `purpose`, or null. The caller
 * compares the fingerprint with the account's current state.
 */
export function readAccountToken(
  secret: string,
  purpose: AccountTokenPurpose,
  token: string,
  now: Date,
): ReadToken | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = sign(secret, body);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!payload || typeof payload !== 'object') return null;
  // Signed by us, so the shape is ours; still check each field before trusting it.
  const { p, u, x, f } = payload as Partial<Payload>;
  if (p !== purpose || typeof u !== 'string' || typeof x !== 'number' || typeof f !== 'string') return null;
  if (x <= now.getTime()) return null;
  return { userId: u, fingerprint: f };
}
