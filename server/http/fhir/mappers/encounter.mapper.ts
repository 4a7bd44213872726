// An Encounter for every visit that took place (appointment status `completed`); its id is the
// appointment's id, so the two are easy to pair.
import type { Encounter } from '@medplum/fhirtypes';
import type { AppointmentRecord } from '#services/fhir/read-appointments.ts';
import {
  formatInstant,
  idOfReference,
  type MappingContext,
  referenceTo,
  V3_ACT_CODE,
} from './code-systems.ts';
import { appointmentTypeConcept, readAppointmentTypeSlug } from './schedule.mapper.ts';

export function toFhirEncounter(record: AppointmentRecord, m: MappingContext): Encounter {
  return {
    resourceType: 'Encounter',
    id: record.id,
    status: 'finished',
    class: { system: V3_ACT_CODE, code: 'AMB', display: 'ambulatory' },
    type: [appointmentTypeConcept(m, record.appointmentType, record.appointmentTypeName)],
    subject: referenceTo('Patient', record.patientId, record.patientName),
    participant: [
      { individual: referenceTo('Practitioner', record.practitionerId, record.practitionerName) },
    ],
    appointment: [referenceTo('Appointment', record.id)],
    period: {
      start: formatInstant(record.startAt, record.timeZone),
      end: formatInstant(record.endAt, record.timeZone),
    },
    location: [{ location: referenceTo('Location', record.locationId, record.locationName) }],
  };
}

export function readEncounterFields(encounter: Encounter, m: MappingContext) {
  return {
    appointmentId: idOfReference(encounter.appointment?.[0], 'Appointment'),
    patientId: idOfReference(encounter.subject, 'Patient'),
    practitionerId: idOfReference(encounter.participant?.[0]?.individual, 'Practitioner'),
    locationId: idOfReference(encounter.location?.[0]?.location, 'Location'),
    appointmentType: readAppointmentTypeSlug(m, encounter.type?.[0]),
    startAt: encounter.period?.start ? new Date(encounter.period.start) : null,
    endAt: encounter.period?.end ? new Date(encounter.period.end) : null,
  };
}
