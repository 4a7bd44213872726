import type { Appointment } from '@medplum/fhirtypes';
import type { AppointmentRecord } from '#services/fhir/read-appointments.ts';
import { formatInstant, idOfReference, type MappingContext, referenceTo } from './code-systems.ts';
import { appointmentTypeConcept, readAppointmentTypeSlug } from './schedule.mapper.ts';

type Status = AppointmentRecord['status'];

// FHIR appointmentstatus (required binding).
const TO_FHIR_STATUS = {
  booked: 'booked',
  cancelled: 'cancelled',
  completed: 'fulfilled',
  'no-show': 'noshow',
} as const satisfies Record<Status, Appointment['status']>;

export function toFhirAppointmentStatus(status: Status): Appointment['status'] {
  return TO_FHIR_STATUS[status];
}

export function fromFhirAppointmentStatus(status: Appointment['status']): Status | null {
  const entry = Object.entries(TO_FHIR_STATUS).find(([, fhir]) => fhir === status);
  return entry ? (entry[0] as Status) : null; // keys of TO_FHIR_STATUS are Status values
}

export function toFhirAppointment(record: AppointmentRecord, m: MappingContext): Appointment {
  return {
    resourceType: 'Appointment',
    id: record.id,
    status: toFhirAppointmentStatus(record.status),
    ...(record.status === 'cancelled' && record.cancellationReason
      ? { cancelationReason: { text: record.cancellationReason } }
      : {}),
    serviceType: [appointmentTypeConcept(m, record.appointmentType, record.appointmentTypeName)],
    description: record.appointmentTypeName,
    start: formatInstant(record.startAt, record.timeZone),
    end: formatInstant(record.endAt, record.timeZone),
    minutesDuration: Math.round((record.endAt.getTime() - record.startAt.getTime()) / 60_000),
    created: record.createdAt.toISOString(),
    participant: [
      {
        actor: referenceTo('Patient', record.patientId, record.patientName),
        required: 'required',
        status: 'accepted',
      },
      {
        actor: referenceTo('Practitioner', record.practitionerId, record.practitionerName),
        required: 'required',
        status: 'accepted',
      },
      {
        actor: referenceTo('Location', record.locationId, record.locationName),
        required: 'required',
        status: 'accepted',
      },
    ],
  };
}

export function readAppointmentFields(appointment: Appointment, m: MappingContext) {
  const actorId = (type: string) =>
    appointment.participant.map((p) => idOfReference(p.actor, type)).find(Boolean) ?? null;
  return {
    id: appointment.id,
    status: fromFhirAppointmentStatus(appointment.status),
    patientId: actorId('Patient'),
    practitionerId: actorId('Practitioner'),
    locationId: actorId('Location'),
    appointmentType: readAppointmentTypeSlug(m, appointment.serviceType?.[0]),
    startAt: appointment.start ? new Date(appointment.start) : null,
    endAt: appointment.end ? new Date(appointment.end) : null,
    cancellationReason: appointment.cancelationReason?.text ?? null,
  };
}
