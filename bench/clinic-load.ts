// A realistic load on the demo clinic for the benchmarks: a year of past visits and about half of
// every working day taken in the weeks ahead, some cancellations, time off and one changed day.
// Rows are inserted directly; the services are what is being measured, not what fills the diary.
import { ne } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { stableUuid } from '#core/shared/stable-id.ts';
import type { Database } from '#db/client.server.ts';
import {
  appointments,
  practitionerAppointmentTypes,
  practitioners,
  scheduleOverrides,
  timeOff,
  users,
  workingHours,
} from '#db/schema/index.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import { DEMO_PATIENTS, DEMO_PRACTITIONERS } from '#services/demo/demo-people.ts';
import { DEMO_LOCATION_ID } from '#services/demo/load-demo-data.ts';

export const CLINIC_ZONE = 'America/New_York';
export const PRACTITIONER_IDS = DEMO_PRACTITIONERS.map((p) => stableUuid(`practitioner:${p.n}`));
export const FOLLOW_UP_TYPE_ID = stableUuid('appointment-type:follow-up');
const FOLLOW_UP_MINUTES = 45;

export const demoPatients = DEMO_PATIENTS.map((_, index) => ({
  patientId: stableUuid(`patient:${index + 1}`),
  userId: stableUuid(`user:patient${index + 1}`),
}));

// Five 45-minute visits in an 8-hour day (about 47% of it), at different times for each practitioner.
const DAILY_STARTS = [
  ['09:00', '10:30', '12:00', '13:30', '15:00'],
  ['09:45', '11:15', '12:45', '14:15', '15:45'],
  ['09:00', '09:45', '11:30', '14:00', '16:15'],
] as const;

function instantAt(date: Temporal.PlainDate, time: string): Date {
  const zoned = date.toZonedDateTime({ timeZone: CLINIC_ZONE, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds);
}

function isWeekday(date: Temporal.PlainDate): boolean {
  return date.dayOfWeek <= 5;
}

/** Fills the diary from a year before `today` to `until` (inclusive); returns the appointment count. */
export async function addScheduleLoad(
  db: Database,
  today: Temporal.PlainDate,
  until: Temporal.PlainDate,
): Promise<number> {
  type Row = typeof appointments.$inferInsert;
  const rows: Row[] = [];
  // The demo clinic has visits of its own (past courses, the coming weeks): the load goes around
  // them, since the database refuses two live appointments of one practitioner, or of one patient,
  // that overlap (decisions 009 and 011).
  const existing = await db
    .select({
      practitionerId: appointments.practitionerId,
      patientId: appointments.patientId,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
    })
    .from(appointments)
    .where(ne(appointments.status, 'cancelled'));
  type Visit = { startAt: Date; endAt: Date };
  const byPractitioner = new Map<string, Visit[]>();
  const byPatient = new Map<string, Visit[]>();
  const remember = (visit: Visit & { practitionerId: string; patientId: string }) => {
    for (const [index, key] of [
      [byPractitioner, visit.practitionerId],
      [byPatient, visit.patientId],
    ] as const) {
      const list = index.get(key) ?? [];
      list.push(visit);
      index.set(key, list);
    }
  };
  for (const visit of existing) remember(visit);
  const overlapsAny = (visits: Visit[] | undefined, startAt: Date, endAt: Date) =>
    (visits ?? []).some((a) => a.startAt < endAt && startAt < a.endAt);
  const isTaken = (practitionerId: string, startAt: Date, endAt: Date) =>
    overlapsAny(byPractitioner.get(practitionerId), startAt, endAt);
  const patientIsBusy = (patientId: string, startAt: Date, endAt: Date) =>
    overlapsAny(byPatient.get(patientId), startAt, endAt);
  /** The patient whose turn it is, or the next one free at that time (deterministic). */
  const freePatient = (turn: number, startAt: Date, endAt: Date) => {
    for (let k = 0; k < demoPatients.length; k += 1) {
      const patientId = demoPatients[(turn + k) % demoPatients.length]!.patientId;
      if (!patientIsBusy(patientId, startAt, endAt)) return patientId;
    }
    throw new Error('every demo patient is busy at this time');
  };
  let n = 0;
  for (let day = today.subtract({ days: 365 }); Temporal.PlainDate.compare(day, until) <= 0; ) {
    if (isWeekday(day)) {
      PRACTITIONER_IDS.forEach((practitionerId, p) => {
        for (const time of DAILY_STARTS[p]!) {
          n += 1;
          const startAt = instantAt(day, time);
          const past = Temporal.PlainDate.compare(day, today) < 0;
          // About one visit in twelve is cancelled; cancelled rows stay in the table, as in life.
          const cancelled = n % 12 === 0;
          const endAt = new Date(startAt.getTime() + FOLLOW_UP_MINUTES * 60_000);
          if (!cancelled && isTaken(practitionerId, startAt, endAt)) continue;
          const turn = n * 7 + p;
          const patientId = cancelled
            ? demoPatients[turn % demoPatients.length]!.patientId
            : freePatient(turn, startAt, endAt);
          if (!cancelled) remember({ practitionerId, patientId, startAt, endAt });
          rows.push({
            patientId,
            practitionerId,
            locationId: DEMO_LOCATION_ID,
            appointmentTypeId: FOLLOW_UP_TYPE_ID,
            // The follow-up type has no buffers: busy time is the visit.
            ...appointmentTimes(startAt, endAt),
            status: cancelled ? 'cancelled' : past ? 'completed' : 'booked',
            ...(cancelled ? { cancelledAt: startAt, cancellationReason: 'Unwell' } : {}),
          });
        }
      });
    }
    day = day.add({ days: 1 });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(appointments).values(rows.slice(i, i + 500));
  }

  const ahead = (days: number) => today.add({ days });
  await db.insert(timeOff).values([
    // A week away, a single day, and an afternoon, all inside the searched weeks.
    {
      practitionerId: PRACTITIONER_IDS[1]!,
      startAt: instantAt(ahead(21), '00:00'),
      endAt: instantAt(ahead(28), '00:00'),
      reason: 'Holiday',
    },
    {
      practitionerId: PRACTITIONER_IDS[0]!,
      startAt: instantAt(ahead(10), '00:00'),
      endAt: instantAt(ahead(11), '00:00'),
      reason: 'Training',
    },
    {
      practitionerId: PRACTITIONER_IDS[2]!,
      startAt: instantAt(ahead(38), '13:00'),
      endAt: instantAt(ahead(38), '17:00'),
      reason: 'Appointment',
    },
  ]);
  // One practitioner works a short Saturday, another closes a Wednesday.
  const saturday = ahead(12 + ((6 - ahead(12).dayOfWeek + 7) % 7));
  const wednesday = ahead(30 + ((3 - ahead(30).dayOfWeek + 7) % 7));
  await db.insert(scheduleOverrides).values([
    {
      practitionerId: PRACTITIONER_IDS[2]!,
      locationId: DEMO_LOCATION_ID,
      onDate: saturday.toString(),
      startsAt: '10:00',
      endsAt: '14:00',
    },
    { practitionerId: PRACTITIONER_IDS[0]!, locationId: DEMO_LOCATION_ID, onDate: wednesday.toString() },
  ]);
  return rows.length;
}

/**
 * Adds `count` practitioners who offer follow-ups Monday to Friday, 09:00–17:00, as a larger clinic
 * would have. Bookings take a lock per practitioner, so a booking benchmark with three would measure
 * the queue behind that lock rather than the booking.
 */
export async function addPractitioners(db: Database, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const userId = stableUuid(`bench:user:practitioner${n}`);
    const practitionerId = stableUuid(`bench:practitioner:${n}`);
    await db.insert(users).values({
      id: userId,
      email: `bench-practitioner${n}@demo.test`,
      passwordHash: 'not-a-password',
      role: 'practitioner',
      displayName: `Bench Practitioner ${n}`,
    });
    await db.insert(practitioners).values({
      id: practitionerId,
      userId,
      slug: `bench-practitioner-${n}`,
      displayName: `Bench Practitioner ${n}`,
      credentials: 'L.Ac.',
      bio: 'Added for the benchmark.',
    });
    await db
      .insert(practitionerAppointmentTypes)
      .values({ practitionerId, appointmentTypeId: FOLLOW_UP_TYPE_ID });
    await db.insert(workingHours).values(
      [1, 2, 3, 4, 5].map((weekday) => ({
        practitionerId,
        locationId: DEMO_LOCATION_ID,
        weekday,
        startsAt: '09:00',
        endsAt: '17:00',
      })),
    );
    ids.push(practitionerId);
  }
  return ids;
}

export type BookableSlot = {
  practitionerId: string;
  start: Date;
  end: Date;
  patient: (typeof demoPatients)[0];
};

/**
 * `count` follow-up slots that overlap nothing, working day after working day from `firstDay`, the
 * practitioners side by side. Slots at the same time go to different patients (as long as there are
 * no more practitioners than patients), so no patient is asked to be in two places at once.
 */
export function followUpSlots(
  firstDay: Temporal.PlainDate,
  count: number,
  practitionerIds: readonly string[],
): BookableSlot[] {
  if (practitionerIds.length > demoPatients.length) throw new Error('more practitioners than patients');
  const slots: BookableSlot[] = [];
  const perDay = Math.floor((8 * 60) / FOLLOW_UP_MINUTES);
  for (let day = firstDay; slots.length < count; day = day.add({ days: 1 })) {
    if (!isWeekday(day)) continue;
    for (let k = 0; k < perDay && slots.length < count; k += 1) {
      const time = Temporal.PlainTime.from('09:00')
        .add({ minutes: k * FOLLOW_UP_MINUTES })
        .toString();
      for (const practitionerId of practitionerIds) {
        if (slots.length === count) break;
        const start = instantAt(day, time);
        slots.push({
          practitionerId,
          start,
          end: new Date(start.getTime() + FOLLOW_UP_MINUTES * 60_000),
          patient: demoPatients[slots.length % demoPatients.length]!,
        });
      }
    }
  }
  return slots;
}
