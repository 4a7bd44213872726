// The patient's emails about an appointment, queued in the outbox inside the transaction that makes
// the change (issue 5): if the change commits, its message will be sent; if it rolls back, nothing is.
import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '#config/index.ts';
import type { Database } from '#db/client.server.ts';
import { outboxMessages } from '#db/schema/index.ts';
import { buildAppointmentCalendarFile } from './appointment-calendar.ts';
import type { AppointmentRecord } from './appointment-view.ts';

export type AppointmentMessageKind = 'confirmation' | 'change' | 'cancellation' | 'reminder';

// Reminders go out a day before (CONTRACT.md demo policy matches the 24-hour change window).
export const REMINDER_LEAD_HOURS = 24;

// One formatter per time zone, kept: building an Intl.DateTimeFormat costs far more than using one,
// and every booking formats two messages (docs/PERFORMANCE.md).
const startFormats = new Map<string, Intl.DateTimeFormat>();

function describeStart(record: AppointmentRecord): string {
  let format = startFormats.get(record.timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: record.timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    startFormats.set(record.timeZone, format);
  }
  return format.format(record.startAt);
}

function composeMessage(kind: AppointmentMessageKind, record: AppointmentRecord, config: Config) {
  const when = describeStart(record);
  const what = `${record.appointmentTypeName} with ${record.practitionerName}`;
  const where = `${record.locationName}, ${record.locationAddress}`;
  const manage = `See or change your appointments: ${config.publicUrl.replace(/\/$/, '')}/my-care`;
  const call = `Questions? Call us on ${config.clinic.phone}.`;
  const emergency = `If your back pain comes with new numbness between your legs, trouble passing urine or weakness in your legs, do not wait for this appointment: call ${config.clinic.emergencyNumber}.`;
  switch (kind) {
    case 'confirmation':
      return {
        subject: `Booked: ${record.appointmentTypeName} on ${when}`,
        body: [`Your appointment is booked.`, '', `${what}`, when, where, '', manage, call, '', emergency],
      };
    case 'change':
      return {
        subject: `Moved: your appointment is now on ${when}`,
        body: [`Your appointment has moved to a new time.`, '', what, when, where, '', manage, call],
      };
    case 'cancellation':
      return {
        subject: `Cancelled: ${record.appointmentTypeName} on ${when}`,
        body: [
          `Your appointment on ${when} has been cancelled.`,
          ...(record.cancellationReason ? ['', `Reason: ${record.cancellationReason}`] : []),
          '',
          `To book again: ${config.publicUrl.replace(/\/$/, '')}/book`,
          call,
        ],
      };
    case 'reminder':
      return {
        subject: `Reminder: ${record.appointmentTypeName} tomorrow, ${when}`,
        body: [
          `A reminder of your appointment.`,
          '',
          what,
          when,
          where,
          '',
          'Wear loose clothing and eat a light meal beforehand.',
          manage,
          call,
        ],
      };
  }
}

/** One email about an appointment, ready for the outbox (`nextAttemptAt` is when it is due). */
export type AppointmentMessageDraft = {
  kind: AppointmentMessageKind;
  appointmentId: string;
  dedupeKey: string;
  recipient: string;
  subject: string;
  bodyText: string;
  calendarFile: string;
  calendarMethod: 'REQUEST' | 'CANCEL';
  nextAttemptAt: Date;
};

/**
 * The email about `record` as it now is, or null when the patient has no email address (booked on
 * the phone: staff call instead). Pure, so a booking can build its emails before it writes.
 * `dedupeKey` makes a retried transaction or a second caller harmless: the same cause never
 * queues two messages.
 */
export function draftAppointmentMessage(
  config: Config,
  record: AppointmentRecord,
  kind: AppointmentMessageKind,
  now: Date,
  sendAt: Date = now,
  calendarFile?: string,
): AppointmentMessageDraft | null {
  if (!record.patientEmail) return null;
  const { subject, body } = composeMessage(kind, record, config);
  const method = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  return {
    kind,
    appointmentId: record.id,
    dedupeKey: `${kind}:${record.id}:${record.sequence}`,
    recipient: record.patientEmail,
    subject,
    bodyText: body.join('\n'),
    calendarFile: calendarFile ?? buildAppointmentCalendarFile(record, config, method, now),
    calendarMethod: method,
    nextAttemptAt: sendAt,
  };
}

/** A new booking's emails: the confirmation and, unless it is too close, the reminder. */
export function draftNewBookingMessages(
  config: Config,
  record: AppointmentRecord,
  now: Date,
): AppointmentMessageDraft[] {
  if (!record.patientEmail) return [];
  // Both carry the same calendar file (METHOD:REQUEST, the same SEQUENCE): built once.
  const calendarFile = buildAppointmentCalendarFile(record, config, 'REQUEST', now);
  const reminderAt = reminderSendTime(record, now);
  return [
    draftAppointmentMessage(config, record, 'confirmation', now, now, calendarFile),
    reminderAt ? draftAppointmentMessage(config, record, 'reminder', now, reminderAt, calendarFile) : null,
  ].filter((draft) => draft !== null);
}

/** When the reminder for `record` is due, or null: none once it is not booked, or when too close. */
export function reminderSendTime(record: AppointmentRecord, now: Date): Date | null {
  if (record.status !== 'booked') return null;
  const sendAt = new Date(record.startAt.getTime() - REMINDER_LEAD_HOURS * 3600_000);
  return sendAt.getTime() > now.getTime() ? sendAt : null;
}

/** Queues one email about `record` as it now is (see `draftAppointmentMessage`). */
export async function queueAppointmentMessage(
  db: Database,
  config: Config,
  record: AppointmentRecord,
  kind: AppointmentMessageKind,
  now: Date,
  sendAt: Date = now,
): Promise<void> {
  const draft = draftAppointmentMessage(config, record, kind, now, sendAt);
  if (!draft) return;
  await db
    .insert(outboxMessages)
    .values({ ...draft, status: 'queued', createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: outboxMessages.dedupeKey });
}

/**
 * Replaces the appointment's pending reminder with one for its current time (none once cancelled, or
 * when the appointment is too close for a reminder to mean anything).
 */
export async function scheduleAppointmentReminder(
  db: Database,
  config: Config,
  record: AppointmentRecord,
  now: Date,
): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: 'superseded', nextAttemptAt: null, updatedAt: now })
    .where(
      and(
        eq(outboxMessages.appointmentId, record.id),
        eq(outboxMessages.kind, 'reminder'),
        inArray(outboxMessages.status, ['queued', 'failed']),
      ),
    );
  const sendAt = reminderSendTime(record, now);
  if (sendAt) await queueAppointmentMessage(db, config, record, 'reminder', now, sendAt);
}
