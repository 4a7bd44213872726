// The outbox worker's use case: claim due messages, send each, record the outcome. Safe to run in
// several processes at once: claiming uses FOR UPDATE SKIP LOCKED, and a claim is a lease, so a
// message held by a worker that died is claimed again once the lease runs out.
import { and, eq, sql } from 'drizzle-orm';
import { outboxMessages } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import type { MailTransport } from './mail-transport.ts';

export const CLAIM_LEASE_MS = 5 * 60_000;

/** Wait before retry `attempt` (1-based): 30 s, 2 min, 8 min, 32 min, then hourly. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 3600_000);
}

type ClaimedMessage = {
  id: string;
  recipient: string;
  subject: string;
  bodyText: string;
  calendarFile: string | null;
  calendarMethod: 'REQUEST' | 'CANCEL' | null;
  attempts: number;
  maxAttempts: number;
};

/** Marks up to `limit` due messages as this worker's for one lease and returns them. */
export async function claimDueMessages(
  ctx: ServiceContext,
  workerId: string,
  limit: number,
): Promise<ClaimedMessage[]> {
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const result = await ctx.db.execute(sql`
    update outbox_messages
       set status = 'sending', locked_by = ${workerId}, locked_until = ${leaseUntil},
           attempts = attempts + 1, updated_at = ${now}
     where id in (
       select id from outbox_messages
        where (status in ('queued', 'failed') and next_attempt_at <= ${now} and attempts < max_attempts)
           or (status = 'sending' and locked_until < ${now})
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
    returning id, recipient, subject, body_text, calendar_file, calendar_method, attempts, max_attempts`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  // Raw rows straight from our own RETURNING list; their types are the table's.
  return rows.map((row) => ({
    id: row.id as string,
    recipient: row.recipient as string,
    subject: row.subject as string,
    bodyText: row.body_text as string,
    calendarFile: (row.calendar_file as string | null) ?? null,
    calendarMethod: (row.calendar_method as 'REQUEST' | 'CANCEL' | null) ?? null,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
  }));
}

function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // One line, bounded: the reason is shown to staff beside the message.
  return text.replace(/\s+/g, ' ').trim().slice(0, 500) || 'Unknown error';
}

function messageIdFor(id: string, publicUrl: string): string {
  let host = 'backpoint.local';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {}
  return `<outbox-${id}@${host}>`;
}

async function deliverOne(
  ctx: ServiceContext,
  transport: MailTransport,
  workerId: string,
  message: ClaimedMessage,
): Promise<'sent' | 'failed'> {
  const ours = and(eq(outboxMessages.id, message.id), eq(outboxMessages.lockedBy, workerId));
  try {
    const receipt = await transport.send({
      // The same id on every attempt, so a receiving server can recognise a duplicate.
      messageId: messageIdFor(message.id, ctx.config.publicUrl),
      from: ctx.config.mail.from,
      to: message.recipient,
      subject: message.subject,
      text: message.bodyText,
      ...(message.calendarFile && message.calendarMethod
        ? { calendar: { method: message.calendarMethod, content: message.calendarFile } }
        : {}),
    });
    const now = ctx.clock.now();
    await ctx.db
      .update(outboxMessages)
      .set({
        status: 'sent',
        sentAt: now,
        transport: receipt.transport,
        rawMessage: receipt.rawMessage,
        lastError: null,
        nextAttemptAt: null,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(ours);
    return 'sent';
  } catch (error) {
    const now = ctx.clock.now();
    const canRetry = message.attempts < message.maxAttempts;
    await ctx.db
      .update(outboxMessages)
      .set({
        status: 'failed',
        lastError: describeFailure(error),
        nextAttemptAt: canRetry ? new Date(now.getTime() + retryDelayMs(message.attempts)) : null,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(ours);
    ctx.log.warn('email delivery failed', { outboxId: message.id, attempt: message.attempts, canRetry });
    return 'failed';
  }
}

/** Claims and sends due messages until none are left; returns how many were sent and failed. */
export async function deliverDueMessages(
  ctx: ServiceContext,
  transport: MailTransport,
  workerId: string,
  batchSize = 20,
): Promise<{ sent: number; failed: number }> {
  const totals = { sent: 0, failed: 0 };
  for (;;) {
    const batch = await claimDueMessages(ctx, workerId, batchSize);
    if (batch.length === 0) return totals;
    for (const message of batch) totals[await deliverOne(ctx, transport, workerId, message)] += 1;
  }
}
