// Reads of clinical records are audited (ENGINEERING.md §5): who read which FHIR resources, when.
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';

export async function auditFhirAccess(
  ctx: ServiceContext,
  actor: Actor,
  entry: {
    interaction: 'read' | 'search' | 'everything';
    resourceType: string;
    resourceId?: string;
    returned: number;
    clientAddress?: string;
  },
): Promise<void> {
  await recordAuditEvent(ctx.db, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `fhir.${entry.interaction}`,
    entityType: entry.resourceType,
    entityId: entry.resourceId ?? null,
    clientAddress: entry.clientAddress ?? null,
    outcome: 'success',
    detail: { returned: entry.returned },
  });
}
