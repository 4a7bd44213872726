// Appointments for the FHIR facade (Appointment, and Encounter for the visits that took place).
import { and, inArray } from 'drizzle-orm';
import { appointments } from '#db/schema/index.ts';
import { type AppointmentRecord, selectAppointmentRecords } from '../booking/appointment-view.ts';
import type { ServiceContext } from '../context.ts';
import { buildRecordWhere, onlyRecordIds, type RecordFilter } from './record-filter.ts';

export type { AppointmentRecord };

export type AppointmentFilter = RecordFilter & {
  practitionerIds?: readonly string[];
  statuses?: ReadonlyArray<AppointmentRecord['status']>;
};

/** Appointments in the caller's scope, by start time; the date filter applies to the start. */
export async function listAppointmentsForFhir(
  ctx: ServiceContext,
  filter: AppointmentFilter,
): Promise<AppointmentRecord[]> {
  return selectAppointmentRecords(
    ctx.db,
    and(
      buildRecordWhere(
        { id: appointments.id, patientId: appointments.patientId, date: appointments.startAt },
        filter,
      ),
      filter.practitionerIds
        ? inArray(appointments.practitionerId, onlyRecordIds(filter.practitionerIds))
        : undefined,
      filter.statuses ? inArray(appointments.status, [...filter.statuses]) : undefined,
    ),
  );
}
