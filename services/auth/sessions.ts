import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { sessions } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';

export type Role = 'patient' | 'practitioner' | 'admin';
export type SessionKind = 'browser' | 'api';

/** Who is making a request, as every edge sees it after authentication. */
export type Viewer = {
  userId: string;
  role: Role;
  displayName: string;
  email: string;
  sessionId: string;
};

// Browser sessions end after an hour without activity or twelve hours in all; API tokens live
// twelve hours. Short because the data is health data (issue 8 makes these configurable).
export const SESSION_LIFETIME = {
  browser: { absoluteMs: 12 * 3600_000, idleMs: 3600_000 },
  api: { absoluteMs: 12 * 3600_000, idleMs: 12 * 3600_000 },
} as const;

const TOUCH_AFTER_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type IssuedSession = { token: string; sessionId: string; expiresAt: Date };

export async function createSession(
  ctx: ServiceContext,
  userId: string,
  kind: SessionKind,
  meta: { clientAddress?: string | null; userAgent?: string | null } = {},
): Promise<IssuedSession> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME[kind].absoluteMs);
  const [row] = await ctx.db
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      kind,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      clientAddress: meta.clientAddress ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned no row');
  return { token, sessionId: row.id, expiresAt };
}

type SessionViewerRow = {
  session_id: string;
  last_seen_ms: number;
  expires_ms: number;
  user_id: string;
  role: Role;
  display_name: string;
  email: string;
};

/**
 * The viewer for a presented token, or null when it is unknown, revoked or expired.
 *
 * Every signed-in request asks this, so the lookup is the database function `session_viewer`
 * (migration 0013): its plan is kept for the connection, where the same query sent as text was
 * parsed and planned each time, and built by the query builder each time. The expiry rules stay
 * here.
 */
export async function resolveSession(
  ctx: ServiceContext,
  token: string,
  kind: SessionKind,
): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  const result = await ctx.db.execute(sql`select * from session_viewer(${hashToken(token)}, ${kind})`);
  const [row] = (result as unknown as { rows: SessionViewerRow[] }).rows;
  if (!row) return null;
  const now = ctx.clock.now().getTime();
  const lastSeen = Number(row.last_seen_ms);
  if (Number(row.expires_ms) <= now) return null;
  if (lastSeen + SESSION_LIFETIME[kind].idleMs <= now) return null;
  if (now - lastSeen > TOUCH_AFTER_MS) {
    await ctx.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, row.session_id));
  }
  return {
    userId: row.user_id,
    role: row.role,
    displayName: row.display_name,
    email: row.email,
    sessionId: row.session_id,
  };
}

export async function revokeSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.db.update(sessions).set({ revokedAt: ctx.clock.now() }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user: "sign out everywhere", and after a password change. */
export async function revokeAllSessions(ctx: ServiceContext, userId: string): Promise<number> {
  const revoked = await ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
