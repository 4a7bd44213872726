// The appointment as an iCalendar file (RFC 5545): attached to every email and served at
// /api/v1/appointments/{id}/calendar.ics. The UID never changes; SEQUENCE rises with each change so
// calendar programs replace the old event instead of adding a second one.
import { Temporal } from 'temporal-polyfill';
import type { Config } from '#config/index.ts';
import { buildAppointmentCalendar } from '#core/scheduling/calendar-file.ts';
import type { AppointmentRecord } from './appointment-view.ts';

function hostOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'backpoint.local';
  } catch {
    return 'backpoint.local';
  }
}

export function buildAppointmentCalendarFile(
  record: AppointmentRecord,
  config: Config,
  method: 'REQUEST' | 'CANCEL',
  now: Date,
): string {
  const base = config.publicUrl.replace(/\/$/, '');
  return buildAppointmentCalendar({
    uid: `appointment-${record.id}@${hostOf(config.publicUrl)}`,
    sequence: record.sequence,
    method,
    status: method === 'CANCEL' || record.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    start: Temporal.Instant.fromEpochMilliseconds(record.startAt.getTime()),
    end: Temporal.Instant.fromEpochMilliseconds(record.endAt.getTime()),
    timeZone: record.timeZone,
    summary: `${record.appointmentTypeName} with ${record.practitionerName}`,
    description: `${config.clinic.name}. To change or cancel: ${base}/my-care or call ${config.clinic.phone}.`,
    location: `${record.locationName}, ${record.locationAddress}`,
    organizer: { name: config.clinic.name, email: config.clinic.email },
    ...(record.patientEmail ? { attendee: { name: record.patientName, email: record.patientEmail } } : {}),
    dtstamp: Temporal.Instant.fromEpochMilliseconds(now.getTime()),
    url: `${base}/my-care`,
  });
}
