import { Temporal } from 'temporal-polyfill';
import { err, ok, type Result } from '#core/shared/result.ts';
import type { ActorRole, AppointmentStatus, BookingPolicy } from './types.ts';

type WindowPolicy = Pick<BookingPolicy, 'cancellationWindowHours'>;

/** The last instant at which a patient may still cancel or reschedule (exclusive). */
export function findChangeDeadline(start: Temporal.Instant, policy: WindowPolicy): Temporal.Instant {
  return start.subtract({ hours: policy.cancellationWindowHours });
}

/**
 * A patient may cancel or reschedule only more than `cancellationWindowHours` before the start
 * (CONTRACT.md §2: demo policy 24 hours). Staff are not bound by the window.
 */
export function canPatientChangeAppointment(
  start: Temporal.Instant,
  now: Temporal.Instant,
  policy: WindowPolicy,
): boolean {
  return Temporal.Instant.compare(now, findChangeDeadline(start, policy)) < 0;
}

/** Cancelled, completed and no-show appointments are closed for good; only `booked` can change. */
export function isFinalStatus(status: AppointmentStatus): boolean {
  return status !== 'booked';
}

const STAFF: readonly ActorRole[] = ['practitioner', 'admin'];

// Who may move an appointment from one status to another. Anything not listed is refused.
const TRANSITIONS: Readonly<
  Record<AppointmentStatus, Partial<Record<AppointmentStatus, readonly ActorRole[]>>>
> = {
  booked: { cancelled: ['patient', ...STAFF], completed: STAFF, 'no-show': STAFF },
  cancelled: {},
  completed: {},
  'no-show': {},
};

/** Whether `actorRole` may change the status `from` → `to` (time rules are in `checkAppointmentChange`). */
export function canTransition(from: AppointmentStatus, to: AppointmentStatus, actorRole: ActorRole): boolean {
  return TRANSITIONS[from][to]?.includes(actorRole) ?? false;
}

export type AppointmentAction = 'cancel' | 'reschedule' | 'complete' | 'mark-no-show';

export type AppointmentChangeRefusalCode =
  | 'not_permitted'
  | 'appointment_closed'
  | 'inside_cancellation_window'
  | 'not_started_yet';

export type AppointmentChangeRefusal = {
  readonly code: AppointmentChangeRefusalCode;
  readonly message: string;
};

export type AppointmentChangeInput = {
  readonly action: AppointmentAction;
  readonly status: AppointmentStatus;
  readonly actorRole: ActorRole;
  readonly start: Temporal.Instant;
  readonly now: Temporal.Instant;
  readonly policy: WindowPolicy;
};

const MESSAGES: Record<AppointmentChangeRefusalCode, string> = {
  not_permitted: 'You cannot make this change to the appointment.',
  appointment_closed:
    'This appointment has already been cancelled or has taken place, so it cannot be changed.',
  inside_cancellation_window:
    'It is too close to the appointment to change it online. Please call the clinic.',
  not_started_yet: 'This appointment has not started yet.',
};

const NEXT_STATUS: Record<AppointmentAction, AppointmentStatus> = {
  cancel: 'cancelled',
  reschedule: 'booked',
  complete: 'completed',
  'mark-no-show': 'no-show',
};

function refuse(code: AppointmentChangeRefusalCode): { ok: false; error: AppointmentChangeRefusal } {
  return err({ code, message: MESSAGES[code] });
}

/**
 * Whether an actor may cancel, reschedule, complete or mark an appointment as a no-show now, and the
 * status it then has. Patients are held to the cancellation window; staff may always cancel or move a
 * booked appointment. Completed and no-show are recorded only once the appointment has started.
 * Checking that the actor owns the appointment is the caller's job.
 */
export function checkAppointmentChange(
  input: AppointmentChangeInput,
): Result<{ status: AppointmentStatus }, AppointmentChangeRefusal> {
  const { action, status, actorRole, start, now, policy } = input;
  const next = NEXT_STATUS[action];
  if (isFinalStatus(status)) return refuse('appointment_closed');
  // Moving an appointment is open to whoever may cancel it: it frees the old time the same way.
  const permitted =
    action === 'reschedule'
      ? canTransition(status, 'cancelled', actorRole)
      : canTransition(status, next, actorRole);
  if (!permitted) return refuse('not_permitted');
  if ((action === 'cancel' || action === 'reschedule') && actorRole === 'patient') {
    if (!canPatientChangeAppointment(start, now, policy)) return refuse('inside_cancellation_window');
  }
  if ((action === 'complete' || action === 'mark-no-show') && Temporal.Instant.compare(now, start) < 0) {
    return refuse('not_started_yet');
  }
  return ok({ status: next });
}
