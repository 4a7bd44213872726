// Reads appointments in the shape the edges show (contracts/booking.ts AppointmentSchema).
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { AppointmentDto } from '#contracts/booking.ts';
import { findChangeDeadline } from '#core/scheduling/cancellation-policy.ts';
import { formatOffsetDateTime } from '#core/scheduling/offset-date-time.ts';
import type { AppointmentStatus, BookingPolicy } from '#core/scheduling/types.ts';
import type { Database } from '#db/client.server.ts';
import { appointments, appointmentTypes, locations, patients, practitioners } from '#db/schema/index.ts';

/** An appointment with everything needed to show it, message about it or check a change to it. */
export type AppointmentRecord = {
  id: string;
  status: AppointmentStatus;
  patientId: string;
  patientUserId: string | null;
  patientEmail: string | null;
  patientName: string;
  practitionerId: string;
  practitionerUserId: string;
  practitionerName: string;
  appointmentTypeId: string;
  appointmentType: string;
  appointmentTypeName: string;
  durationMinutes: number;
  locationId: string;
  locationName: string;
  locationAddress: string;
  timeZone: string;
  startAt: Date;
  endAt: Date;
  cancellationReason: string | null;
  sequence: number;
  createdAt: Date;
};

const columns = {
  id: appointments.id,
  status: appointments.status,
  patientId: appointments.patientId,
  patientUserId: patients.userId,
  patientEmail: patients.email,
  patientGivenName: patients.givenName,
  patientFamilyName: patients.familyName,
  practitionerId: appointments.practitionerId,
  practitionerUserId: practitioners.userId,
  practitionerName: practitioners.displayName,
  appointmentTypeId: appointments.appointmentTypeId,
  appointmentType: appointmentTypes.slug,
  appointmentTypeName: appointmentTypes.name,
  durationMinutes: appointmentTypes.durationMinutes,
  locationId: appointments.locationId,
  locationName: locations.name,
  locationAddress: locations.address,
  timeZone: locations.timeZone,
  startAt: appointments.startAt,
  endAt: appointments.endAt,
  cancellationReason: appointments.cancellationReason,
  sequence: appointments.sequence,
  createdAt: appointments.createdAt,
};

/** Appointments matching `where`, joined once with their patient, practitioner, type and location. */
export async function selectAppointmentRecords(
  db: Database,
  where: SQL | undefined,
  order: 'oldest-first' | 'newest-first' = 'oldest-first',
): Promise<AppointmentRecord[]> {
  const rows = await db
    .select(columns)
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .where(where)
    .orderBy(order === 'oldest-first' ? asc(appointments.startAt) : desc(appointments.startAt));
  return rows.map(({ patientGivenName, patientFamilyName, ...row }) => ({
    ...row,
    patientName: `${patientGivenName} ${patientFamilyName}`,
  }));
}

export async function findAppointmentRecord(db: Database, id: string): Promise<AppointmentRecord | null> {
  const [record] = await selectAppointmentRecords(db, and(eq(appointments.id, id)));
  return record ?? null;
}

function formatInZone(date: Date, timeZone: string): string {
  return formatOffsetDateTime(
    Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone),
  );
}

/** The API view: times with the offset of the location's time zone, and the online change deadline. */
export function toAppointmentDto(
  record: AppointmentRecord,
  policy: Pick<BookingPolicy, 'cancellationWindowHours'>,
): AppointmentDto {
  const start = Temporal.Instant.fromEpochMilliseconds(record.startAt.getTime());
  return {
    id: record.id,
    status: record.status,
    practitionerId: record.practitionerId,
    practitionerName: record.practitionerName,
    appointmentType: record.appointmentType,
    appointmentTypeName: record.appointmentTypeName,
    start: formatInZone(record.startAt, record.timeZone),
    end: formatInZone(record.endAt, record.timeZone),
    timeZone: record.timeZone,
    locationId: record.locationId,
    patientId: record.patientId,
    changeDeadline: findChangeDeadline(start, policy).toString(),
    cancellationReason: record.cancellationReason,
    sequence: record.sequence,
    createdAt: record.createdAt.toISOString(),
  };
}
