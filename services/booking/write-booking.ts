// A checked booking written in one call of the database function `book_appointment` (migration
// 0011, docs/decisions/009): the appointment, its history row, its emails and its audit row, plus
// the Idempotency-Key's stored answer when there is a key. One statement is one transaction: all of
// it is written or none of it. The exclusion constraints refuse an overlap with any other booking,
// committed or still in flight: of the practitioner's busy times, or of the patient's visits
// (23P01 naming the constraint, turned into 409 slot_taken or patient_already_booked by the caller;
// migration 0012, docs/decisions/011).
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import type { AppointmentMessageDraft } from './appointment-messages.ts';

export type BookingWrite = {
  appointment: {
    id: string;
    patientId: string;
    practitionerId: string;
    locationId: string;
    appointmentTypeId: string;
    startAt: Date;
    endAt: Date;
    busyFrom: Date;
    busyUntil: Date;
  };
  actor: { userId: string; role: string };
  now: Date;
  messages: AppointmentMessageDraft[];
  /** With a key: the answer to keep for retries. Nothing is written if the key is taken. */
  idempotency?: {
    key: string;
    requestHash: string;
    statusCode: number;
    response: unknown;
    /** A stored key older than this has expired and may be taken again. */
    expiredBefore: Date;
  };
};

/** Writes the booking; false when the Idempotency-Key was taken meanwhile (nothing written). */
export async function writeBooking(db: Database, write: BookingWrite): Promise<boolean> {
  const { appointment: a, actor, now, idempotency: key } = write;
  const messages = write.messages.map((m) => ({
    kind: m.kind,
    dedupe_key: m.dedupeKey,
    recipient: m.recipient,
    subject: m.subject,
    body_text: m.bodyText,
    calendar_file: m.calendarFile,
    calendar_method: m.calendarMethod,
    next_attempt_at: m.nextAttemptAt.toISOString(),
  }));
  const result = await db.execute(sql`
    select book_appointment(${a.id}::uuid, ${a.patientId}::uuid, ${a.practitionerId}::uuid, ${a.locationId}::uuid,
      ${a.appointmentTypeId}::uuid, ${a.startAt}::timestamptz, ${a.endAt}::timestamptz, ${a.busyFrom}::timestamptz,
      ${a.busyUntil}::timestamptz, ${actor.userId}::uuid, ${actor.role}::text, ${now}::timestamptz,
      ${JSON.stringify(messages)}::json, ${key?.key ?? null}::text, ${key?.requestHash ?? null}::text,
      ${key?.statusCode ?? null}::integer, ${key ? JSON.stringify(key.response) : null}::jsonb,
      ${key?.expiredBefore ?? null}::timestamptz) as written`);
  const [row] = (result as unknown as { rows: Array<{ written: boolean }> }).rows;
  return row?.written === true;
}
