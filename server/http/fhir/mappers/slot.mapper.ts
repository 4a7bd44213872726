// Slots are computed, not stored, so a Slot's id spells out what it is: practitioner, start
// (UTC, to the minute) and the first 8 hex digits of the appointment type's id —
// `<practitioner uuid>.<yyyymmddhhmm>.<type id prefix>`, 58 characters (FHIR ids allow 64).
import type { Slot } from '@medplum/fhirtypes';
import type { SlotRecord } from '#services/fhir/read-slots.ts';
import { idOfReference, type MappingContext, referenceTo } from './code-systems.ts';
import { appointmentTypeConcept, readAppointmentTypeSlug } from './schedule.mapper.ts';

const SLOT_ID =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})\.([0-9a-f]{8})$/;

export function slotIdOf(record: Pick<SlotRecord, 'practitionerId' | 'start' | 'appointmentTypeId'>): string {
  const utc = new Date(Date.parse(record.start)).toISOString(); // 2026-12-07T14:00:00.000Z
  const compact = utc.slice(0, 16).replace(/[-T:]/g, '');
  return `${record.practitionerId}.${compact}.${record.appointmentTypeId.slice(0, 8)}`;
}

type SlotKey = { practitionerId: string; start: Date; appointmentTypeIdPrefix: string };

/** The parts of a Slot id, or null when it is not one of ours. */
export function parseSlotId(id: string): SlotKey | null {
  const match = SLOT_ID.exec(id);
  if (!match) return null;
  const [, practitionerId, year, month, day, hour, minute, prefix] = match;
  const start = new Date(`${year}-${month}-${day}T${hour}:${minute}:00Z`);
  if (Number.isNaN(start.getTime())) return null;
  return { practitionerId: practitionerId!, start, appointmentTypeIdPrefix: prefix! };
}

export function toFhirSlot(record: SlotRecord, m: MappingContext): Slot {
  return {
    resourceType: 'Slot',
    id: slotIdOf(record),
    serviceType: [appointmentTypeConcept(m, record.appointmentType, record.appointmentTypeName)],
    schedule: referenceTo('Schedule', record.practitionerId),
    status: 'free',
    start: record.start,
    end: record.end,
  };
}

export function readSlotFields(slot: Slot, m: MappingContext) {
  return {
    practitionerId: idOfReference(slot.schedule, 'Schedule'),
    appointmentType: readAppointmentTypeSlug(m, slot.serviceType?.[0]),
    start: slot.start,
    end: slot.end,
  };
}
