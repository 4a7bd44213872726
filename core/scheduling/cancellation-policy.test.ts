import { describe, expect, it } from 'vitest';
import {
  type AppointmentChangeInput,
  canPatientChangeAppointment,
  canTransition,
  checkAppointmentChange,
  findChangeDeadline,
  isFinalStatus,
} from './cancellation-policy.ts';
import { instant } from './scheduling.fixtures.ts';
import type { ActorRole, AppointmentStatus } from './types.ts';

const start = instant('2026-03-10T14:00:00Z');
const policy = { cancellationWindowHours: 24 };

describe('canPatientChangeAppointment', () => {
  it.each([
    { now: '2026-03-09T13:59:59Z', allowed: true, when: 'more than 24 hours before' },
    { now: '2026-03-09T14:00:00Z', allowed: false, when: 'exactly 24 hours before' },
    { now: '2026-03-10T10:00:00Z', allowed: false, when: 'a few hours before' },
    { now: '2026-03-11T10:00:00Z', allowed: false, when: 'after the start' },
  ])('is $allowed $when', ({ now, allowed }) => {
    expect(canPatientChangeAppointment(start, instant(now), policy)).toBe(allowed);
  });

  it('puts the deadline the window before the start', () => {
    expect(findChangeDeadline(start, policy).toString()).toBe('2026-03-09T14:00:00Z');
  });
});

describe('canTransition', () => {
  const statuses: AppointmentStatus[] = ['booked', 'cancelled', 'completed', 'no-show'];
  const roles: ActorRole[] = ['patient', 'practitioner', 'admin'];
  const allowed = new Set([
    'booked→cancelled by patient',
    'booked→cancelled by practitioner',
    'booked→cancelled by admin',
    'booked→completed by practitioner',
    'booked→completed by admin',
    'booked→no-show by practitioner',
    'booked→no-show by admin',
  ]);
  const table = statuses.flatMap((from) =>
    statuses.flatMap((to) => roles.map((role) => ({ from, to, role }))),
  );

  it.each(table)('decides $from → $to by $role', ({ from, to, role }) => {
    expect(canTransition(from, to, role)).toBe(allowed.has(`${from}→${to} by ${role}`));
  });

  it('treats every status but booked as final', () => {
    expect(statuses.filter(isFinalStatus)).toEqual(['cancelled', 'completed', 'no-show']);
  });
});

describe('checkAppointmentChange', () => {
  const early = instant('2026-03-08T09:00:00Z');
  const late = instant('2026-03-10T12:00:00Z');
  const after = instant('2026-03-10T15:00:00Z');
  const base: AppointmentChangeInput = {
    action: 'cancel',
    status: 'booked',
    actorRole: 'patient',
    start,
    now: early,
    policy,
  };

  it.each([
    { name: 'lets a patient cancel early', changes: {}, outcome: 'cancelled' },
    { name: 'lets a patient reschedule early', changes: { action: 'reschedule' }, outcome: 'booked' },
    {
      name: 'stops a patient cancelling late',
      changes: { now: late },
      outcome: 'inside_cancellation_window',
    },
    {
      name: 'stops a patient rescheduling late',
      changes: { now: late, action: 'reschedule' },
      outcome: 'inside_cancellation_window',
    },
    {
      name: 'lets staff cancel late',
      changes: { now: late, actorRole: 'practitioner' },
      outcome: 'cancelled',
    },
    {
      name: 'lets an admin reschedule late',
      changes: { now: late, actorRole: 'admin', action: 'reschedule' },
      outcome: 'booked',
    },
    {
      name: 'stops a patient marking an appointment complete',
      changes: { action: 'complete', now: after },
      outcome: 'not_permitted',
    },
    {
      name: 'lets a practitioner record a visit after it starts',
      changes: { action: 'complete', now: after, actorRole: 'practitioner' },
      outcome: 'completed',
    },
    {
      name: 'lets staff record a no-show after the start',
      changes: { action: 'mark-no-show', now: start, actorRole: 'admin' },
      outcome: 'no-show',
    },
    {
      name: 'refuses a no-show before the start',
      changes: { action: 'mark-no-show', now: late, actorRole: 'admin' },
      outcome: 'not_started_yet',
    },
    {
      name: 'refuses any change to a cancelled appointment',
      changes: { status: 'cancelled', actorRole: 'admin' },
      outcome: 'appointment_closed',
    },
    {
      name: 'refuses to reschedule a completed visit',
      changes: { status: 'completed', action: 'reschedule', actorRole: 'admin' },
      outcome: 'appointment_closed',
    },
  ] satisfies Array<{ name: string; changes: Partial<AppointmentChangeInput>; outcome: string }>)(
    '$name',
    ({ changes, outcome }) => {
      const result = checkAppointmentChange({ ...base, ...changes });
      expect(result.ok ? result.value.status : result.error.code).toBe(outcome);
    },
  );
});
