// Retention (issue 8 "privacy"): removes data that has served its purpose and is not part of the
// clinical record. Clinical records, appointments and the audit trail are never purged here.
import { and, inArray, isNotNull, lt, or } from 'drizzle-orm';
import { contactMessages, idempotencyKeys, outboxMessages, sessions } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';

const DAY_MS = 86_400_000;
// Ended sessions are kept a month for the sign-in history, then dropped.
const SESSION_HISTORY_DAYS = 30;
// Idempotency keys only need to outlive a client's retries.
const IDEMPOTENCY_KEY_DAYS = 1;

export type PurgeCounts = {
  sessions: number;
  idempotencyKeys: number;
  emails: number;
  contactMessages: number;
};

export async function purgeExpiredData(ctx: ServiceContext): Promise<PurgeCounts> {
  const now = ctx.clock.now().getTime();
  const before = (days: number) => new Date(now - days * DAY_MS);
  const removedSessions = await ctx.db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, before(SESSION_HISTORY_DAYS)),
        and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, before(SESSION_HISTORY_DAYS))),
      ),
    )
    .returning({ id: sessions.id });
  const removedKeys = await ctx.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before(IDEMPOTENCY_KEY_DAYS)))
    .returning({ key: idempotencyKeys.key });
  // Emails carry appointment details: keep them only as long as staff need to check delivery.
  const removedEmails = await ctx.db
    .delete(outboxMessages)
    .where(
      and(
        inArray(outboxMessages.status, ['sent', 'superseded', 'failed']),
        lt(outboxMessages.updatedAt, before(ctx.config.retention.mailDays)),
      ),
    )
    .returning({ id: outboxMessages.id });
  const removedContacts = await ctx.db
    .delete(contactMessages)
    .where(lt(contactMessages.createdAt, before(ctx.config.retention.contactMessageDays)))
    .returning({ id: contactMessages.id });
  return {
    sessions: removedSessions.length,
    idempotencyKeys: removedKeys.length,
    emails: removedEmails.length,
    contactMessages: removedContacts.length,
  };
}
