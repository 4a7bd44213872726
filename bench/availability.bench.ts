// Availability search (issue 5, issue 10): findAvailability for 3 practitioners over 62 days, beside
// the four SQL queries that read the same rows (those of services/booking/scheduling-data.ts, as
// plain strings through the same driver), timed in alternation.
import { Temporal } from 'temporal-polyfill';
import type { AvailabilityQuery } from '#contracts/booking.ts';
import { findAvailability } from '#services/booking/find-availability.ts';
import { loadSchedulingData } from '#services/booking/scheduling-data.ts';
import { BENCH_NOW, type BenchDatabase, type RawQuery } from './bench-database.ts';
import { addScheduleLoad, CLINIC_ZONE, PRACTITIONER_IDS } from './clinic-load.ts';
import { type BenchResult, compared, percentile, timeAlternately } from './measure.ts';

const TODAY = Temporal.Instant.fromEpochMilliseconds(BENCH_NOW.getTime())
  .toZonedDateTimeISO(CLINIC_ZONE)
  .toPlainDate();
const FROM = TODAY.add({ days: 2 });
const TO = FROM.add({ days: 61 }); // 62 days inclusive, the API's widest search

const WORKING_HOURS_SQL = `select "working_hours"."practitioner_id", "working_hours"."location_id", "locations"."time_zone", "working_hours"."weekday", "working_hours"."starts_at", "working_hours"."ends_at" from "working_hours" inner join "locations" on "locations"."id" = "working_hours"."location_id" where "working_hours"."practitioner_id" in ($1, $2, $3) order by "working_hours"."starts_at" asc`;
const OVERRIDES_SQL = `select "schedule_overrides"."practitioner_id", "schedule_overrides"."location_id", "locations"."time_zone", "schedule_overrides"."on_date", "schedule_overrides"."starts_at", "schedule_overrides"."ends_at" from "schedule_overrides" inner join "locations" on "locations"."id" = "schedule_overrides"."location_id" where ("schedule_overrides"."practitioner_id" in ($1, $2, $3) and "schedule_overrides"."on_date" >= $4 and "schedule_overrides"."on_date" < $5)`;
const TIME_OFF_SQL = `select "practitioner_id", "start_at", "end_at" from "time_off" where ("time_off"."practitioner_id" in ($1, $2, $3) and "time_off"."start_at" < $4 and "time_off"."end_at" > $5)`;
const BUSY_SQL = `select "practitioner_id", "busy_from", "busy_until" from "appointments" where ("appointments"."practitioner_id" in ($1, $2, $3) and "appointments"."status" <> $6 and "appointments"."start_at" < $4 and "appointments"."end_at" > $5)`;

/** The window the service searches for FROM–TO: the days in the clinic's zone, widened a day each side. */
function searchParams() {
  const windowStart = FROM.toZonedDateTime({ timeZone: CLINIC_ZONE }).toInstant();
  const windowEnd = TO.add({ days: 1 }).toZonedDateTime({ timeZone: CLINIC_ZONE }).toInstant();
  return {
    windowStart,
    windowEnd,
    searchFrom: windowStart.subtract({ hours: 24 }).toString(),
    searchTo: windowEnd.add({ hours: 24 }).toString(),
    fromDate: windowStart.toZonedDateTimeISO('UTC').toPlainDate().subtract({ days: 2 }).toString(),
    toDate: windowEnd.toZonedDateTimeISO('UTC').toPlainDate().add({ days: 2 }).toString(),
  };
}

async function readSameRowsRaw(raw: RawQuery) {
  const p = searchParams();
  const ids = PRACTITIONER_IDS;
  const [hours, overrides, timeOff, busy] = await Promise.all([
    raw(WORKING_HOURS_SQL, ids),
    raw(OVERRIDES_SQL, [...ids, p.fromDate, p.toDate]),
    raw(TIME_OFF_SQL, [...ids, p.searchTo, p.searchFrom]),
    raw(BUSY_SQL, [...ids, p.searchTo, p.searchFrom, 'cancelled']),
  ]);
  return { hours, overrides, timeOff, busy };
}

export async function benchAvailability(
  bench: BenchDatabase,
  log: (line: string) => void,
): Promise<BenchResult[]> {
  const appointmentCount = await addScheduleLoad(bench.ctx.db, TODAY, TO);
  const query: AvailabilityQuery = {
    appointmentType: 'follow-up',
    practitioner: 'any',
    from: FROM.toString(),
    to: TO.toString(),
  };

  // The baseline must read exactly what the service reads, or the comparison means nothing.
  const p = searchParams();
  const viaService = await loadSchedulingData(bench.ctx.db, PRACTITIONER_IDS, p.windowStart, p.windowEnd);
  const viaRaw = await readSameRowsRaw(bench.raw);
  if (
    viaRaw.busy.length !== viaService.busy.length ||
    viaRaw.timeOff.length !== viaService.timeOff.length ||
    viaRaw.hours.length !== 15 ||
    viaRaw.overrides.length !== viaService.overrides.length
  ) {
    throw new Error('the raw SQL baseline does not read the same rows as the service');
  }
  const found = await findAvailability(bench.ctx, query);
  log(
    `  ${bench.engine}: ${appointmentCount} appointments in the table, ${viaRaw.busy.length} busy in the window, ` +
      `${found.slots.length} open slots from ${query.from} to ${query.to}`,
  );
  if (found.slots.length === 0) throw new Error('the availability search found no slots');

  const times = await timeAlternately(
    () => findAvailability(bench.ctx, query),
    () => readSameRowsRaw(bench.raw),
    { warmup: 10, iterations: 200, maxMs: 25_000 },
  );
  log(`  ${bench.engine}: ${times.a.length} searches and ${times.b.length} raw reads, alternately`);
  const label = `availability search 3 practitioners × 62 days (${bench.engine})`;
  const baselineName = 'raw SQL, the same 4 queries';
  return [
    compared(`${label} p50`, 'ms', percentile(times.a, 50), {
      name: `${baselineName} p50`,
      value: percentile(times.b, 50),
    }),
    compared(
      `${label} p95`,
      'ms',
      percentile(times.a, 95),
      { name: `${baselineName} p95`, value: percentile(times.b, 95) },
      { text: 'ratio ≤ 3', meets: ({ ratio }) => ratio !== undefined && ratio <= 3 },
    ),
  ];
}
