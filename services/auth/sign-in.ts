import { eq, sql } from 'drizzle-orm';
import { err, ok, type Result } from '#core/shared/result.ts';
import { users } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { ServiceContext } from '../context.ts';
import { getDecoyHash, verifyPassword } from './passwords.ts';
import { createSession, type IssuedSession, type Role, type SessionKind } from './sessions.ts';

export type SignInInput = { email: string; password: string };
export type SignInMeta = { clientAddress?: string | null; userAgent?: string | null };
export type SignedIn = IssuedSession & { user: { id: string; role: Role; displayName: string } };

// Lock-out with backoff, kept in the database so it holds across processes and restarts: after
// five failures in a row an account is locked for 1 minute, then 2, 4 … up to an hour per further
// failure. A locked account answers exactly like a wrong password (no enumeration).
export const LOCKOUT_AFTER_FAILURES = 5;
const MAX_LOCKOUT_MS = 3600_000;

export function lockoutDurationMs(failures: number): number {
  if (failures < LOCKOUT_AFTER_FAILURES) return 0;
  return Math.min(60_000 * 2 ** (failures - LOCKOUT_AFTER_FAILURES), MAX_LOCKOUT_MS);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password and opens a session. A wrong email and a wrong password give the same
 * error after the same work, so responses reveal nothing about which accounts exist.
 */
export async function signInWithPassword(
  ctx: ServiceContext,
  input: SignInInput,
  kind: SessionKind,
  meta: SignInMeta = {},
): Promise<Result<SignedIn, { code: 'invalid_credentials' }>> {
  const email = normaliseEmail(input.email);
  const [user] = await ctx.db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const now = ctx.clock.now();
  const locked = user?.lockedUntil ? user.lockedUntil.getTime() > now.getTime() : false;
  // The password is checked even when the account is locked or missing, so every answer costs the same.
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), input.password);
  if (!user || !passwordMatches || locked) {
    if (user && !locked) {
      const failures = user.failedSignIns + 1;
      const lockMs = lockoutDurationMs(failures);
      await ctx.db
        .update(users)
        .set({
          failedSignIns: sql`${users.failedSignIns} + 1`,
          ...(lockMs > 0 ? { lockedUntil: new Date(now.getTime() + lockMs) } : {}),
        })
        .where(eq(users.id, user.id));
    }
    await recordAuditEvent(ctx.db, {
      actorUserId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action: 'sign-in',
      entityType: 'session',
      clientAddress: meta.clientAddress ?? null,
      outcome: 'failure',
      detail: { kind, ...(locked ? { locked: true } : {}) },
    });
    return err({ code: 'invalid_credentials' });
  }
  const session = await createSession(ctx, user.id, kind, meta);
  await ctx.db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  await recordAuditEvent(ctx.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'sign-in',
    entityType: 'session',
    entityId: session.sessionId,
    clientAddress: meta.clientAddress ?? null,
    outcome: 'success',
    detail: { kind },
  });
  return ok({ ...session, user: { id: user.id, role: user.role, displayName: user.displayName } });
}
