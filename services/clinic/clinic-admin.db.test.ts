import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentTypes, auditEvents, workingHours } from '#db/schema/index.ts';
import type { Actor } from '#services/auth/actor.ts';
import { findAvailability } from '#services/booking/find-availability.ts';
import type { ServiceContext } from '#services/context.ts';
import { listOutboxMessages } from '#services/mail/list-outbox-messages.ts';
import {
  type ClinicFixture,
  createClinicFixture,
  ensureDefaultBookingPolicy,
} from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { createAppointmentType, updateAppointmentType } from './appointment-types.ts';
import { readBookingPolicy, updateBookingPolicy } from './booking-policy.ts';
import { addTimeOff, listUpcomingTimeOff, removeTimeOff } from './time-off.ts';
import { addWorkingHours, listWorkingHours, removeWorkingHours } from './working-hours.ts';

// Issue 7: an admin's change to working hours, time off or the booking policy changes what patients
// can book at once, because the booking engine reads the same rows. Only admins may make them.

let database: TestDatabase;
let ctx: ServiceContext;
let clinic: ClinicFixture;
let typeSlug: string;
const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'admin' };
// Wednesday 2026-11-25, 07:00 in New York.
const clock = createTestClock('2026-11-25T12:00:00Z');

async function slotStarts(date: string) {
  const { slots } = await findAvailability(ctx, {
    appointmentType: typeSlug,
    practitioner: clinic.practitionerId,
    from: date,
    to: date,
  });
  return slots.map((s) => s.start.slice(11, 16));
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  clinic = await createClinicFixture(database.db);
  const [type] = await database.db
    .select({ slug: appointmentTypes.slug })
    .from(appointmentTypes)
    .where(eq(appointmentTypes.id, clinic.appointmentTypeId));
  typeSlug = type!.slug;
  await ensureDefaultBookingPolicy(database.db);
});
afterAll(() => database?.close());

describe('working hours', () => {
  it('opens and closes bookable times as the admin adds and removes hours', async () => {
    // Monday 2026-12-07: the fixture practitioner has no hours yet.
    expect(await slotStarts('2026-12-07')).toEqual([]);
    const { id } = await addWorkingHours(ctx, admin, {
      practitionerId: clinic.practitionerId,
      weekday: 1,
      startsAt: '09:00',
      endsAt: '11:00',
    });
    expect(await slotStarts('2026-12-07')).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00', '10:15']);
    const hours = await listWorkingHours(ctx, admin);
    expect(hours.filter((h) => h.practitionerId === clinic.practitionerId)).toEqual([
      { id, practitionerId: clinic.practitionerId, weekday: 1, startsAt: '09:00', endsAt: '11:00' },
    ]);
    await removeWorkingHours(ctx, admin, id);
    expect(await slotStarts('2026-12-07')).toEqual([]);
  });

  it('refuses hours that overlap hours the practitioner already has that day', async () => {
    await addWorkingHours(ctx, admin, {
      practitionerId: clinic.practitionerId,
      weekday: 2,
      startsAt: '09:00',
      endsAt: '12:00',
    });
    await expect(
      addWorkingHours(ctx, admin, {
        practitionerId: clinic.practitionerId,
        weekday: 2,
        startsAt: '11:30',
        endsAt: '13:00',
      }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'hours_overlap' });
    // Touching is not overlapping: a lunch break is the gap between two ranges.
    await addWorkingHours(ctx, admin, {
      practitionerId: clinic.practitionerId,
      weekday: 2,
      startsAt: '13:00',
      endsAt: '14:00',
    });
    const rows = await database.db
      .select()
      .from(workingHours)
      .where(eq(workingHours.practitionerId, clinic.practitionerId));
    expect(rows).toHaveLength(2);
  });
});

describe('time off and the booking policy', () => {
  it('removes times covered by time off, entered in clinic time, and gives them back when removed', async () => {
    // Tuesday 2026-12-08 has 09:00–12:00 and 13:00–14:00 from the test above.
    expect(await slotStarts('2026-12-08')).toContain('10:00');
    const { id } = await addTimeOff(ctx, admin, {
      practitionerId: clinic.practitionerId,
      startLocal: '2026-12-08T09:00',
      endLocal: '2026-12-08T12:00',
      reason: 'Training',
    });
    expect(await slotStarts('2026-12-08')).toEqual(['13:00', '13:15']);
    const upcoming = await listUpcomingTimeOff(ctx, admin);
    expect(upcoming.find((t) => t.id === id)).toMatchObject({
      startAt: new Date('2026-12-08T14:00:00Z'),
      endAt: new Date('2026-12-08T17:00:00Z'),
      reason: 'Training',
    });
    await removeTimeOff(ctx, admin, id);
    expect(await slotStarts('2026-12-08')).toContain('10:00');
  });

  it('changes the slot grid and the minimum notice patients see', async () => {
    await updateBookingPolicy(ctx, admin, {
      minimumNoticeHours: 24,
      maximumDaysAhead: 180,
      cancellationWindowHours: 24,
      slotIntervalMinutes: 30,
    });
    expect(await slotStarts('2026-12-08')).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '13:00']);
    // Fourteen days' notice: the 8th is too soon.
    await updateBookingPolicy(ctx, admin, {
      minimumNoticeHours: 24 * 14,
      maximumDaysAhead: 180,
      cancellationWindowHours: 24,
      slotIntervalMinutes: 30,
    });
    expect(await slotStarts('2026-12-08')).toEqual([]);
    await expect(readBookingPolicy(ctx, admin)).resolves.toMatchObject({
      minimumNoticeHours: 336,
      slotIntervalMinutes: 30,
    });
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'booking_policy.update'));
    expect(audit).toHaveLength(2);
    await updateBookingPolicy(ctx, admin, {
      minimumNoticeHours: 24,
      maximumDaysAhead: 180,
      cancellationWindowHours: 24,
      slotIntervalMinutes: 15,
    });
  });
});

describe('appointment types', () => {
  it('creates a type offered by the practitioners, and a retired type stops being bookable', async () => {
    const { id } = await createAppointmentType(ctx, admin, {
      slug: `long-follow-up-${clinic.practitionerId.slice(0, 6)}`,
      name: 'Long follow-up',
      description: '',
      durationMinutes: 90,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      newPatientOnly: false,
      active: true,
    });
    const [row] = await database.db.select().from(appointmentTypes).where(eq(appointmentTypes.id, id));
    const { slots } = await findAvailability(ctx, {
      appointmentType: row!.slug,
      practitioner: clinic.practitionerId,
      from: '2026-12-08',
      to: '2026-12-08',
    });
    // 09:00–12:00 fits a 90-minute visit from 09:00 to 10:30 on the 15-minute grid.
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:00',
      '10:15',
      '10:30',
    ]);
    await updateAppointmentType(ctx, admin, id, {
      name: 'Long follow-up',
      description: '',
      durationMinutes: 90,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      newPatientOnly: false,
      active: false,
    });
    await expect(
      findAvailability(ctx, {
        appointmentType: row!.slug,
        practitioner: clinic.practitionerId,
        from: '2026-12-08',
        to: '2026-12-08',
      }),
    ).rejects.toMatchObject({ code: 'unknown_appointment_type' });
  });
});

describe('only admins', () => {
  it.each(['practitioner', 'patient'] as const)('refuses a %s every admin change and read', async (role) => {
    const someone: Actor = { userId: admin.userId, role };
    await expect(
      addWorkingHours(ctx, someone, {
        practitionerId: clinic.practitionerId,
        weekday: 3,
        startsAt: '09:00',
        endsAt: '10:00',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      updateBookingPolicy(ctx, someone, {
        minimumNoticeHours: 0,
        maximumDaysAhead: 1,
        cancellationWindowHours: 0,
        slotIntervalMinutes: 5,
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(listOutboxMessages(ctx, someone)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(readBookingPolicy(ctx, someone)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
