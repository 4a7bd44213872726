import type { Database } from '#db/client.server.ts';
import { auditEvents } from '#db/schema/index.ts';

export type AuditEntry = {
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  clientAddress?: string | null;
  outcome: 'success' | 'failure';
  detail?: Record<string, unknown>;
};

/** Appends one audit row; pass the transaction handle so the entry commits with the change. */
export async function recordAuditEvent(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: entry.actorUserId,
    actorRole: entry.actorRole,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    clientAddress: entry.clientAddress ?? null,
    outcome: entry.outcome,
    detail: entry.detail ?? null,
  });
}
