// Clinic administration is for the admin role only; every change leaves an audit row.
import type { Database } from '#db/client.server.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') {
    throw new AppError('forbidden', 'admins_only', 'Only clinic administrators can do this.');
  }
}

export async function auditAdminChange(
  db: Database,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  await recordAuditEvent(db, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    entityType,
    entityId,
    outcome: 'success',
    ...(detail ? { detail } : {}),
  });
}
