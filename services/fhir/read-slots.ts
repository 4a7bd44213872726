// Free slots for the FHIR facade, computed by the booking service for a bounded window (slots are
// not stored: they are what the schedule leaves open, so a Slot id names practitioner, start and type).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { appointmentTypes } from '#db/schema/index.ts';
import { findAvailability } from '../booking/find-availability.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

export type SlotRecord = {
  practitionerId: string;
  locationId: string;
  appointmentTypeId: string;
  appointmentType: string;
  appointmentTypeName: string;
  /** ISO 8601 with the clinic time zone's offset. */
  start: string;
  end: string;
};

export type SlotFilter = {
  practitionerIds?: readonly string[];
  appointmentTypes?: readonly string[];
  /** Local dates in the clinic time zone, inclusive. */
  fromDate: string;
  toDate: string;
  /** Optional exact instant bounds inside those dates: start in [from, to). */
  from?: Date;
  to?: Date;
};

/** The longest window one Slot search may cover, in days. */
export const MAX_SLOT_WINDOW_DAYS = 31;

async function listBookableTypes(ctx: ServiceContext, slugs?: readonly string[]) {
  return ctx.db
    .select({ id: appointmentTypes.id, slug: appointmentTypes.slug, name: appointmentTypes.name })
    .from(appointmentTypes)
    .where(
      and(eq(appointmentTypes.active, true), slugs ? inArray(appointmentTypes.slug, [...slugs]) : undefined),
    )
    .orderBy(asc(appointmentTypes.durationMinutes), asc(appointmentTypes.slug));
}

export async function listSlotsForFhir(ctx: ServiceContext, filter: SlotFilter): Promise<SlotRecord[]> {
  const from = Temporal.PlainDate.from(filter.fromDate);
  const to = Temporal.PlainDate.from(filter.toDate);
  if (Temporal.PlainDate.compare(to, from) < 0) return [];
  if (from.until(to).days + 1 > MAX_SLOT_WINDOW_DAYS) {
    throw new AppError(
      'invalid',
      'window_too_long',
      `Search at most ${MAX_SLOT_WINDOW_DAYS} days of slots at a time.`,
    );
  }
  const types = await listBookableTypes(ctx, filter.appointmentTypes);
  const onlyOne = filter.practitionerIds?.length === 1 ? filter.practitionerIds[0] : undefined;
  const slots: SlotRecord[] = [];
  for (const type of types) {
    let found: Awaited<ReturnType<typeof findAvailability>>;
    try {
      found = await findAvailability(ctx, {
        appointmentType: type.slug,
        practitioner: onlyOne ?? 'any',
        from: filter.fromDate,
        to: filter.toDate,
        tz: ctx.config.clinic.timeZone,
      });
    } catch (error) {
      // A practitioner who does not offer this type simply has no slots of it.
      if (error instanceof AppError && error.code === 'not_offered') continue;
      throw error;
    }
    for (const slot of found.slots) {
      if (filter.practitionerIds && !filter.practitionerIds.includes(slot.practitionerId)) continue;
      const startMs = Date.parse(slot.start);
      if (filter.from && startMs < filter.from.getTime()) continue;
      if (filter.to && startMs >= filter.to.getTime()) continue;
      slots.push({
        practitionerId: slot.practitionerId,
        locationId: slot.locationId,
        appointmentTypeId: type.id,
        appointmentType: type.slug,
        appointmentTypeName: type.name,
        start: slot.start,
        end: slot.end,
      });
    }
  }
  return slots.sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || a.appointmentType.localeCompare(b.appointmentType),
  );
}

/** The slot named by practitioner, start and type, if it is still free; otherwise null. */
export async function findSlotForFhir(
  ctx: ServiceContext,
  key: { practitionerId: string; start: Date; appointmentTypeIdPrefix: string },
): Promise<SlotRecord | null> {
  const types = (await listBookableTypes(ctx)).filter((t) => t.id.startsWith(key.appointmentTypeIdPrefix));
  if (types.length !== 1) return null;
  const localDate = Temporal.Instant.fromEpochMilliseconds(key.start.getTime())
    .toZonedDateTimeISO(ctx.config.clinic.timeZone)
    .toPlainDate()
    .toString();
  const slots = await listSlotsForFhir(ctx, {
    practitionerIds: [key.practitionerId],
    appointmentTypes: [types[0]!.slug],
    fromDate: localDate,
    toDate: localDate,
  });
  return slots.find((s) => Date.parse(s.start) === key.start.getTime()) ?? null;
}
