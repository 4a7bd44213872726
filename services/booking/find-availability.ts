// Open slots for the availability API and the booking pages.
import { Temporal } from 'temporal-polyfill';
import type { Availability, AvailabilityQuery } from '#contracts/booking.ts';
import { findOpenSlotTimes } from '#core/scheduling/find-open-slots.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadAppointmentType, loadBookingPolicy, loadSchedulingData } from './scheduling-data.ts';

export async function findAvailability(ctx: ServiceContext, query: AvailabilityQuery): Promise<Availability> {
  const timeZone = query.tz ?? ctx.config.clinic.timeZone;
  const from = Temporal.PlainDate.from(query.from, { overflow: 'reject' });
  const to = Temporal.PlainDate.from(query.to, { overflow: 'reject' });
  const type = await loadAppointmentType(ctx.db, query.appointmentType);
  let practitionerIds = type.practitionerIds;
  if (query.practitioner !== 'any') {
    if (!type.practitionerIds.includes(query.practitioner)) {
      throw new AppError(
        'invalid',
        'not_offered',
        'This practitioner does not offer this type of appointment.',
        {
          practitioner: 'Not offered by this practitioner',
        },
      );
    }
    practitionerIds = [query.practitioner];
  }
  const windowStart = from.toZonedDateTime({ timeZone }).toInstant();
  const windowEnd = to.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  const [policy, data] = await Promise.all([
    loadBookingPolicy(ctx.db),
    loadSchedulingData(ctx.db, practitionerIds, windowStart, windowEnd),
  ]);
  const slots = findOpenSlotTimes({
    ...data,
    appointmentType: type,
    policy,
    now: Temporal.Instant.fromEpochMilliseconds(ctx.clock.now().getTime()),
    practitionerIds,
    from,
    to,
    displayTimeZone: timeZone,
  });
  return {
    timeZone,
    slots: slots.map((s) => ({
      practitionerId: s.practitionerId,
      start: s.start,
      end: s.end,
      locationId: s.locationId,
    })),
  };
}
