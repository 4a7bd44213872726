// The clinic's sent-mail view (admin, read-only): every outbox message with its status, the last
// failure and when it will be retried; one message's stored raw form on request. Messages name
// patients, so opening one leaves an audit row.
import { desc, eq, type SQL } from 'drizzle-orm';
import { outboxMessages } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { auditAdminChange, requireAdmin } from '../clinic/admin-access.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'superseded'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type OutboxSummary = {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  transport: string | null;
  createdAt: Date;
};

const summaryColumns = {
  id: outboxMessages.id,
  kind: outboxMessages.kind,
  recipient: outboxMessages.recipient,
  subject: outboxMessages.subject,
  status: outboxMessages.status,
  attempts: outboxMessages.attempts,
  maxAttempts: outboxMessages.maxAttempts,
  lastError: outboxMessages.lastError,
  nextAttemptAt: outboxMessages.nextAttemptAt,
  sentAt: outboxMessages.sentAt,
  transport: outboxMessages.transport,
  createdAt: outboxMessages.createdAt,
};

/** Newest first, optionally of one status. */
export async function listOutboxMessages(
  ctx: ServiceContext,
  actor: Actor,
  options: { status?: OutboxStatus | undefined; limit?: number } = {},
): Promise<OutboxSummary[]> {
  requireAdmin(actor);
  const where: SQL | undefined = options.status ? eq(outboxMessages.status, options.status) : undefined;
  return ctx.db
    .select(summaryColumns)
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(Math.min(options.limit ?? 200, 500));
}

export type OutboxMessageDetail = OutboxSummary & {
  bodyText: string;
  rawMessage: string | null;
  calendarFile: string | null;
};

export async function readOutboxMessage(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<OutboxMessageDetail> {
  requireAdmin(actor);
  const [row] = await ctx.db
    .select({
      ...summaryColumns,
      bodyText: outboxMessages.bodyText,
      rawMessage: outboxMessages.rawMessage,
      calendarFile: outboxMessages.calendarFile,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.id, id));
  if (!row) throw new AppError('not_found', 'not_found', 'There is no such message.');
  await auditAdminChange(ctx.db, actor, 'outbox_message.read', 'outbox_message', id);
  return row;
}
