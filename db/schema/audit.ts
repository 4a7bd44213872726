import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Append-only: who did what to which record, when and from where. No foreign keys, so the
// trail outlives the rows it describes.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorRole: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    clientAddress: text(),
    outcome: text({ enum: ['success', 'failure'] }).notNull(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
  ],
);
