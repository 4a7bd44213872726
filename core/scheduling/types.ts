import type { Temporal } from 'temporal-polyfill';

/** ISO weekday: 1 = Monday … 7 = Sunday (Temporal's `dayOfWeek`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A wall-clock range inside one local day, `'HH:MM'` 24-hour, end exclusive.
 * `end` may be `'24:00'` (midnight at the end of the day). A lunch break is the gap between two ranges.
 */
export type LocalTimeRange = { readonly start: string; readonly end: string };

/** Weekly working hours of one practitioner at one location, in the location's IANA time zone. */
export type WeeklyHours = {
  readonly practitionerId: string;
  readonly locationId: string;
  readonly timeZone: string;
  readonly days: Readonly<Partial<Record<Weekday, readonly LocalTimeRange[]>>>;
};

/**
 * Replaces the weekly hours of one practitioner at one location on one local date
 * (in the location's time zone). `ranges: []` means closed that day.
 */
export type DateOverride = {
  readonly practitionerId: string;
  readonly locationId: string;
  readonly timeZone: string;
  readonly date: Temporal.PlainDate;
  readonly ranges: readonly LocalTimeRange[];
};

/**
 * Time when a practitioner cannot be booked (holiday, training, a one-off break), as an instant interval.
 * Without `practitionerId` it applies to every practitioner (a clinic closure).
 */
export type TimeOff = {
  readonly practitionerId?: string;
  readonly start: Temporal.Instant;
  readonly end: Temporal.Instant;
};

/**
 * An existing live appointment of a practitioner, already widened by its own buffers
 * (see `computeBlockedInterval`).
 */
export type BusyInterval = {
  readonly practitionerId: string;
  readonly start: Temporal.Instant;
  readonly end: Temporal.Instant;
};

export type AppointmentTypeRules = {
  readonly durationMinutes: number;
  /** Preparation time that must be free before the appointment; may fall outside working hours. */
  readonly bufferBeforeMinutes: number;
  /** Clean-up time that must be free after the appointment; may fall outside working hours. */
  readonly bufferAfterMinutes: number;
  /** Practitioners who offer this type; omitted means all of them. */
  readonly practitionerIds?: readonly string[];
  /** Only bookable by patients who have not been seen before (e.g. an initial consultation). */
  readonly newPatientsOnly?: boolean;
};

export type BookingPolicy = {
  /** A slot must start at least this long after `now`. */
  readonly minimumNoticeMinutes: number;
  /** The last bookable local date (location time zone) is today + this many days. */
  readonly maximumDaysAhead: number;
  /** Patients may cancel or reschedule only more than this many hours before the start. */
  readonly cancellationWindowHours: number;
  /** Slot starts are this many minutes apart, counted from the start of each working range. */
  readonly slotIntervalMinutes: number;
};

/** The inputs shared by slot finding and booking checks. */
export type SchedulingInput = {
  readonly weeklyHours: readonly WeeklyHours[];
  readonly overrides?: readonly DateOverride[];
  readonly timeOff?: readonly TimeOff[];
  readonly busy?: readonly BusyInterval[];
  readonly appointmentType: AppointmentTypeRules;
  readonly policy: BookingPolicy;
  readonly now: Temporal.Instant;
};

/** A bookable slot. `start`/`end` are in the requested display time zone. */
export type OpenSlot = {
  readonly practitionerId: string;
  readonly locationId: string;
  readonly start: Temporal.ZonedDateTime;
  readonly end: Temporal.ZonedDateTime;
};

/** A bookable slot as API text: ISO 8601 with the display time zone's UTC offset. */
export type OpenSlotTimes = {
  readonly practitionerId: string;
  readonly locationId: string;
  readonly start: string;
  readonly end: string;
};

/** One working range of one practitioner, as instants, shown in the location's time zone. */
export type WorkingInterval = {
  readonly practitionerId: string;
  readonly locationId: string;
  readonly start: Temporal.ZonedDateTime;
  readonly end: Temporal.ZonedDateTime;
};

export type AppointmentStatus = 'booked' | 'cancelled' | 'completed' | 'no-show';

export type ActorRole = 'patient' | 'practitioner' | 'admin';
