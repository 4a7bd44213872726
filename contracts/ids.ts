import { z } from 'zod';

// Every record is keyed by a PostgreSQL `uuid`. An id that comes from outside (a route parameter, a
// hidden form field, a query value) is checked against this schema at the edge, before any query:
// text that is not a UUID makes the database refuse the whole statement (SQLSTATE 22P02,
// invalid_text_representation), which would reach the visitor as a 500 instead of a message.
// Any version is accepted, as the column accepts any 128-bit value: an id that is well formed but
// unknown is "not found" (404), never "malformed" (400).
export const RecordIdSchema = z.guid('Not a valid id.');
export type RecordId = z.infer<typeof RecordIdSchema>;

/** Whether `value` is a well-formed record id (RecordIdSchema). */
export function isRecordId(value: unknown): value is RecordId {
  return RecordIdSchema.safeParse(value).success;
}
