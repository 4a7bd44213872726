// Appointments, the Encounters of visits that took place, and the treatment given (Procedure).
import type { AppointmentRecord } from '#services/fhir/read-appointments.ts';
import { listAppointmentsForFhir } from '#services/fhir/read-appointments.ts';
import { listSignedVisitNotesForFhir } from '#services/fhir/read-visit-notes.ts';
import { fromFhirAppointmentStatus, toFhirAppointment } from '../mappers/appointment.mapper.ts';
import { toFhirEncounter } from '../mappers/encounter.mapper.ts';
import { toFhirProcedure } from '../mappers/procedure.mapper.ts';
import {
  dateParam,
  type FhirResourceDefinition,
  ID_PARAM,
  PATIENT_PARAM,
  recordFilterFrom,
  referencedIds,
  SUBJECT_PARAM,
  tokenCodes,
} from '../resource-definition.ts';

export const appointmentResource: FhirResourceDefinition = {
  type: 'Appointment',
  interactions: ['read', 'search-type'],
  clinical: true,
  searchParams: [
    ID_PARAM,
    PATIENT_PARAM,
    { name: 'practitioner', type: 'reference', documentation: 'Practitioner/id.' },
    dateParam('date', 'Appointment start'),
    { name: 'status', type: 'token', documentation: 'booked, cancelled, fulfilled or noshow.' },
  ],
  async read(ctx, id) {
    const [record] = await listAppointmentsForFhir(ctx.services, {
      scope: await ctx.patientScope(),
      ids: [id],
    });
    return record ? toFhirAppointment(record, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const practitionerIds = referencedIds(search.references.get('practitioner'), 'Practitioner');
    const statuses = tokenCodes(search, 'status')
      ?.map((code) => fromFhirAppointmentStatus(code as Parameters<typeof fromFhirAppointmentStatus>[0]))
      .filter((s): s is AppointmentRecord['status'] => s !== null);
    const records = await listAppointmentsForFhir(ctx.services, {
      ...(await recordFilterFrom(ctx, search, 'date')),
      ...(practitionerIds ? { practitionerIds } : {}),
      ...(statuses ? { statuses } : {}),
    });
    return records.map((r) => toFhirAppointment(r, ctx.mapping));
  },
};

export const encounterResource: FhirResourceDefinition = {
  type: 'Encounter',
  interactions: ['read', 'search-type'],
  clinical: true,
  searchParams: [
    { ...ID_PARAM, documentation: "Logical ids (an Encounter's id is its appointment's id)." },
    PATIENT_PARAM,
    SUBJECT_PARAM,
    dateParam('date', 'Visit start'),
  ],
  async read(ctx, id) {
    const [record] = await listAppointmentsForFhir(ctx.services, {
      scope: await ctx.patientScope(),
      ids: [id],
      statuses: ['completed'],
    });
    return record ? toFhirEncounter(record, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const records = await listAppointmentsForFhir(ctx.services, {
      ...(await recordFilterFrom(ctx, search, 'date')),
      statuses: ['completed'],
    });
    return records.map((r) => toFhirEncounter(r, ctx.mapping));
  },
};

export const procedureResource: FhirResourceDefinition = {
  type: 'Procedure',
  interactions: ['read', 'search-type'],
  clinical: true,
  searchParams: [
    { ...ID_PARAM, documentation: "Logical ids (a Procedure's id is its visit note's id)." },
    PATIENT_PARAM,
    SUBJECT_PARAM,
    dateParam('date', 'Visit start'),
  ],
  async read(ctx, id) {
    const [note] = await listSignedVisitNotesForFhir(ctx.services, {
      scope: await ctx.patientScope(),
      ids: [id],
    });
    return note ? toFhirProcedure(note, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const notes = await listSignedVisitNotesForFhir(
      ctx.services,
      await recordFilterFrom(ctx, search, 'date'),
    );
    return notes.map((n) => toFhirProcedure(n, ctx.mapping));
  },
};
