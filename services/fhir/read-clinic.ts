// Practitioners, locations and weekly schedules as the FHIR facade shows them. These are public
// facts of the clinic (the booking pages show them too), so every signed-in caller may read them.
import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import {
  appointmentTypes,
  locations,
  practitionerAppointmentTypes,
  practitioners,
  workingHours,
} from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { escapeLikePattern, onlyRecordIds } from './record-filter.ts';

export type PractitionerRecord = {
  id: string;
  slug: string;
  displayName: string;
  credentials: string;
  active: boolean;
};

export type LocationRecord = {
  id: string;
  slug: string;
  name: string;
  address: string;
  phone: string;
  timeZone: string;
};

export type WorkingHoursRecord = {
  locationId: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Local wall-clock times, HH:MM. */
  start: string;
  end: string;
};

/** One practitioner's weekly pattern and what can be booked with them. */
export type ScheduleRecord = {
  practitionerId: string;
  practitionerName: string;
  active: boolean;
  timeZone: string | null;
  locationIds: string[];
  hours: WorkingHoursRecord[];
  appointmentTypes: Array<{ slug: string; name: string }>;
};

export async function listPractitionersForFhir(
  ctx: ServiceContext,
  filter: { ids?: readonly string[]; name?: readonly string[] } = {},
): Promise<PractitionerRecord[]> {
  return ctx.db
    .select({
      id: practitioners.id,
      slug: practitioners.slug,
      displayName: practitioners.displayName,
      credentials: practitioners.credentials,
      active: practitioners.active,
    })
    .from(practitioners)
    .where(
      and(
        filter.ids ? inArray(practitioners.id, onlyRecordIds(filter.ids)) : undefined,
        filter.name
          ? or(...filter.name.map((n) => ilike(practitioners.displayName, `%${escapeLikePattern(n)}%`)))
          : undefined,
      ),
    )
    .orderBy(asc(practitioners.displayName), asc(practitioners.id));
}

export async function listLocationsForFhir(
  ctx: ServiceContext,
  filter: { ids?: readonly string[]; name?: readonly string[] } = {},
): Promise<LocationRecord[]> {
  return ctx.db
    .select({
      id: locations.id,
      slug: locations.slug,
      name: locations.name,
      address: locations.address,
      phone: locations.phone,
      timeZone: locations.timeZone,
    })
    .from(locations)
    .where(
      and(
        filter.ids ? inArray(locations.id, onlyRecordIds(filter.ids)) : undefined,
        filter.name
          ? or(...filter.name.map((n) => ilike(locations.name, `%${escapeLikePattern(n)}%`)))
          : undefined,
      ),
    )
    .orderBy(asc(locations.name), asc(locations.id));
}

/** A Schedule per practitioner (id = the practitioner's id): working hours and bookable types. */
export async function listSchedulesForFhir(
  ctx: ServiceContext,
  filter: { practitionerIds?: readonly string[] } = {},
): Promise<ScheduleRecord[]> {
  const people = await listPractitionersForFhir(
    ctx,
    filter.practitionerIds ? { ids: filter.practitionerIds } : {},
  );
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const [hours, offered] = await Promise.all([
    ctx.db
      .select({
        practitionerId: workingHours.practitionerId,
        locationId: workingHours.locationId,
        timeZone: locations.timeZone,
        weekday: workingHours.weekday,
        startsAt: workingHours.startsAt,
        endsAt: workingHours.endsAt,
      })
      .from(workingHours)
      .innerJoin(locations, eq(locations.id, workingHours.locationId))
      .where(inArray(workingHours.practitionerId, ids))
      .orderBy(asc(workingHours.weekday), asc(workingHours.startsAt)),
    ctx.db
      .select({
        practitionerId: practitionerAppointmentTypes.practitionerId,
        slug: appointmentTypes.slug,
        name: appointmentTypes.name,
      })
      .from(practitionerAppointmentTypes)
      .innerJoin(appointmentTypes, eq(appointmentTypes.id, practitionerAppointmentTypes.appointmentTypeId))
      .where(
        and(inArray(practitionerAppointmentTypes.practitionerId, ids), eq(appointmentTypes.active, true)),
      )
      .orderBy(asc(appointmentTypes.durationMinutes), asc(appointmentTypes.slug)),
  ]);
  return people.map((p) => {
    const own = hours.filter((h) => h.practitionerId === p.id);
    return {
      practitionerId: p.id,
      practitionerName: p.displayName,
      active: p.active,
      timeZone: own[0]?.timeZone ?? null,
      locationIds: [...new Set(own.map((h) => h.locationId))],
      // PostgreSQL `time` comes back as HH:MM:SS.
      hours: own.map((h) => ({
        locationId: h.locationId,
        weekday: h.weekday,
        start: h.startsAt.slice(0, 5),
        end: h.endsAt.slice(0, 5),
      })),
      appointmentTypes: offered
        .filter((o) => o.practitionerId === p.id)
        .map(({ slug, name }) => ({ slug, name })),
    };
  });
}
