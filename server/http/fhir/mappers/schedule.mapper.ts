// A Schedule per practitioner: who, where, what can be booked, and the weekly hours in words
// (R4 Schedule has no structured hours; the free slots themselves are the Slot resources).
import type { CodeableConcept, Schedule } from '@medplum/fhirtypes';
import type { ScheduleRecord, WorkingHoursRecord } from '#services/fhir/read-clinic.ts';
import { idOfReference, localCodeSystem, type MappingContext, referenceTo } from './code-systems.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function appointmentTypeConcept(m: MappingContext, slug: string, name: string): CodeableConcept {
  return {
    coding: [{ system: localCodeSystem(m, 'appointment-type'), code: slug, display: name }],
    text: name,
  };
}

export function readAppointmentTypeSlug(
  m: MappingContext,
  concept: CodeableConcept | undefined,
): string | null {
  return concept?.coding?.find((c) => c.system === localCodeSystem(m, 'appointment-type'))?.code ?? null;
}

/** "Monday 09:00–17:00; Tuesday 09:00–12:00, 13:00–17:00" in the given zone. */
export function describeWorkingHours(hours: readonly WorkingHoursRecord[], timeZone: string | null): string {
  if (hours.length === 0) return 'No regular working hours.';
  const days = WEEKDAYS.flatMap((name, index) => {
    const ranges = hours.filter((h) => h.weekday === index + 1).map((h) => `${h.start}–${h.end}`);
    return ranges.length > 0 ? [`${name} ${ranges.join(', ')}`] : [];
  });
  return `Working hours (${timeZone ?? 'clinic time'}): ${days.join('; ')}.`;
}

/** Reads the weekly hours back from describeWorkingHours' text (location ids are not in the text). */
export function readWorkingHours(comment: string): Array<Omit<WorkingHoursRecord, 'locationId'>> {
  const hours: Array<Omit<WorkingHoursRecord, 'locationId'>> = [];
  for (const [index, name] of WEEKDAYS.entries()) {
    const match = new RegExp(`${name} ([0-9:–, ]+)`).exec(comment);
    for (const range of match?.[1]?.split(', ') ?? []) {
      const [start, end] = range.trim().split('–');
      if (start && end) hours.push({ weekday: index + 1, start, end });
    }
  }
  return hours;
}

export function toFhirSchedule(record: ScheduleRecord, m: MappingContext): Schedule {
  return {
    resourceType: 'Schedule',
    id: record.practitionerId,
    active: record.active,
    serviceType: record.appointmentTypes.map((t) => appointmentTypeConcept(m, t.slug, t.name)),
    actor: [
      referenceTo('Practitioner', record.practitionerId, record.practitionerName),
      ...record.locationIds.map((id) => referenceTo('Location', id)),
    ],
    comment: describeWorkingHours(record.hours, record.timeZone),
  };
}

export function readScheduleFields(schedule: Schedule, m: MappingContext) {
  return {
    practitionerId: schedule.actor.map((a) => idOfReference(a, 'Practitioner')).find(Boolean) ?? null,
    locationIds: schedule.actor.map((a) => idOfReference(a, 'Location')).filter((id): id is string => !!id),
    appointmentTypes: (schedule.serviceType ?? []).map((c) => readAppointmentTypeSlug(m, c)),
    active: schedule.active ?? false,
    hours: readWorkingHours(schedule.comment ?? ''),
  };
}
