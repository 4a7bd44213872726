// The clinic's public facts: practitioners, locations, their weekly schedules and free slots. Any
// signed-in caller may read them (the booking pages show the same).
import type { Resource } from '@medplum/fhirtypes';
import { Temporal } from 'temporal-polyfill';
import {
  listLocationsForFhir,
  listPractitionersForFhir,
  listSchedulesForFhir,
} from '#services/fhir/read-clinic.ts';
import { findSlotForFhir, listSlotsForFhir, MAX_SLOT_WINDOW_DAYS } from '#services/fhir/read-slots.ts';
import { toFhirLocation } from '../mappers/location.mapper.ts';
import { toFhirPractitioner } from '../mappers/practitioner.mapper.ts';
import { toFhirSchedule } from '../mappers/schedule.mapper.ts';
import { parseSlotId, toFhirSlot } from '../mappers/slot.mapper.ts';
import {
  dateParam,
  type FhirResourceDefinition,
  ID_PARAM,
  idsFrom,
  referencedIds,
  tokenCodes,
} from '../resource-definition.ts';

const NAME_PARAM = { name: 'name', type: 'string', documentation: 'Part of the name, any case.' } as const;

export const practitionerResource: FhirResourceDefinition = {
  type: 'Practitioner',
  interactions: ['read', 'search-type'],
  clinical: false,
  searchParams: [ID_PARAM, NAME_PARAM],
  async read(ctx, id) {
    const [record] = await listPractitionersForFhir(ctx.services, { ids: [id] });
    return record ? toFhirPractitioner(record, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const ids = idsFrom(search);
    const name = search.strings.get('name');
    const records = await listPractitionersForFhir(ctx.services, {
      ...(ids ? { ids } : {}),
      ...(name ? { name } : {}),
    });
    return records.map((r) => toFhirPractitioner(r, ctx.mapping));
  },
};

export const locationResource: FhirResourceDefinition = {
  type: 'Location',
  interactions: ['read', 'search-type'],
  clinical: false,
  searchParams: [ID_PARAM, NAME_PARAM],
  async read(ctx, id) {
    const [record] = await listLocationsForFhir(ctx.services, { ids: [id] });
    return record ? toFhirLocation(record, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const ids = idsFrom(search);
    const name = search.strings.get('name');
    const records = await listLocationsForFhir(ctx.services, {
      ...(ids ? { ids } : {}),
      ...(name ? { name } : {}),
    });
    return records.map((r) => toFhirLocation(r, ctx.mapping));
  },
};

export const scheduleResource: FhirResourceDefinition = {
  type: 'Schedule',
  interactions: ['read', 'search-type'],
  clinical: false,
  searchParams: [
    { ...ID_PARAM, documentation: "Logical ids (a Schedule's id is its practitioner's id)." },
    { name: 'actor', type: 'reference', documentation: 'Practitioner/id or Location/id.' },
  ],
  async read(ctx, id) {
    const [record] = await listSchedulesForFhir(ctx.services, { practitionerIds: [id] });
    return record ? toFhirSchedule(record, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const ids = idsFrom(search);
    const actors = search.references.get('actor');
    const byPractitioner = referencedIds(
      actors?.filter((a) => a.type !== 'Location'),
      'Practitioner',
    );
    const byLocation = actors?.filter((a) => a.type === 'Location').map((a) => a.id);
    let practitionerIds = ids;
    if (byPractitioner?.length) {
      practitionerIds = practitionerIds
        ? practitionerIds.filter((id) => byPractitioner.includes(id))
        : byPractitioner;
    } else if (actors && !byLocation?.length) practitionerIds = [];
    const records = await listSchedulesForFhir(ctx.services, practitionerIds ? { practitionerIds } : {});
    return records
      .filter((r) => !byLocation?.length || r.locationIds.some((id) => byLocation.includes(id)))
      .map((r) => toFhirSchedule(r, ctx.mapping));
  },
};

const DEFAULT_SLOT_DAYS = 7;

export const slotResource: FhirResourceDefinition = {
  type: 'Slot',
  interactions: ['read', 'search-type'],
  clinical: false,
  searchParams: [
    { ...ID_PARAM, documentation: 'Slot ids (practitioner id, UTC start and appointment type, as served).' },
    { name: 'schedule', type: 'reference', documentation: "Schedule/id (the practitioner's id)." },
    {
      ...dateParam('start', 'Slot start'),
      documentation: `Slot start, as for dates elsewhere. Without it, the next ${DEFAULT_SLOT_DAYS} days; at most ${MAX_SLOT_WINDOW_DAYS} days per search.`,
    },
    { name: 'service-type', type: 'token', documentation: 'Appointment type slug, e.g. follow-up.' },
    { name: 'status', type: 'token', documentation: 'Only free slots are served.' },
  ],
  async read(ctx, id) {
    const key = parseSlotId(id);
    const record = key ? await findSlotForFhir(ctx.services, key) : null;
    return record ? toFhirSlot(record, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const statuses = tokenCodes(search, 'status');
    if (statuses && !statuses.includes('free')) return [];
    const schedules = referencedIds(search.references.get('schedule'), 'Schedule');
    const ids = idsFrom(search);
    if (ids) {
      const found = await Promise.all(ids.map((id) => slotResource.read(ctx, id)));
      return found.filter(
        (slot): slot is Resource =>
          slot !== null && (!schedules || schedules.some((s) => slot.id?.startsWith(`${s}.`))),
      );
    }
    const zone = ctx.mapping.timeZone;
    const { from, to } = search.dates.get('start') ?? {};
    const localDate = (d: Date) =>
      Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(zone).toPlainDate();
    const now = ctx.services.clock.now();
    const fromDate = localDate(from && from > now ? from : now);
    const toDate = to ? localDate(new Date(to.getTime() - 1)) : fromDate.add({ days: DEFAULT_SLOT_DAYS - 1 });
    const types = tokenCodes(search, 'service-type');
    const records = await listSlotsForFhir(ctx.services, {
      ...(schedules ? { practitionerIds: schedules } : {}),
      ...(types ? { appointmentTypes: types } : {}),
      fromDate: fromDate.toString(),
      toDate: toDate.toString(),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    return records.map((r) => toFhirSlot(r, ctx.mapping));
  },
};
