// Booking throughput (issue 5, issue 10): bookAppointment with several bookings in flight, beside a
// bare INSERT of an equivalent appointment row at the same concurrency, in alternating rounds on
// separate slots of the same days.
import { Temporal } from 'temporal-polyfill';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { DEMO_LOCATION_ID } from '#services/demo/load-demo-data.ts';
import { BENCH_NOW, type BenchDatabase } from './bench-database.ts';
import {
  addPractitioners,
  type BookableSlot,
  CLINIC_ZONE,
  FOLLOW_UP_TYPE_ID,
  followUpSlots,
  PRACTITIONER_IDS,
} from './clinic-load.ts';
import { type BenchResult, compared, runWithConcurrency } from './measure.ts';

const CONCURRENCY = 8;
// Three demo practitioners and thirteen more: with slots dealt out in turn, eight bookings in flight
// rarely wait for the same practitioner's lock.
const EXTRA_PRACTITIONERS = 13;

// The same row the service writes: the follow-up type has no buffers, so its busy time is the visit.
const BARE_INSERT_SQL = `insert into "appointments" ("patient_id", "practitioner_id", "location_id", "appointment_type_id", "start_at", "end_at", "busy_from", "busy_until", "status", "created_by", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $5, $6, 'booked', $7, $8, $8) returning "id"`;

export async function benchBooking(
  bench: BenchDatabase,
  options: { perSide: number; rounds: number },
  log: (line: string) => void,
): Promise<BenchResult[]> {
  // Ten weeks ahead, past the diary filled for the availability search, within the 180-day policy.
  const firstDay = Temporal.Instant.fromEpochMilliseconds(BENCH_NOW.getTime())
    .toZonedDateTimeISO(CLINIC_ZONE)
    .toPlainDate()
    .add({ days: 70 });
  const practitionerIds = [
    ...PRACTITIONER_IDS,
    ...(await addPractitioners(bench.ctx.db, EXTRA_PRACTITIONERS)),
  ];
  const slots = followUpSlots(firstDay, options.perSide * 2, practitionerIds);
  // Alternate slots between the two sides, so both book the same spread of days and practitioners.
  const serviceSlots = slots.filter((_, i) => i % 2 === 0);
  const bareSlots = slots.filter((_, i) => i % 2 === 1);
  const now = bench.ctx.clock.now().toISOString();

  const book = async (slot: BookableSlot) => {
    const result = await bookAppointment(
      bench.ctx,
      { userId: slot.patient.userId, role: 'patient' },
      { practitionerId: slot.practitionerId, appointmentType: 'follow-up', start: slot.start.toISOString() },
    );
    if (result.statusCode !== 201) throw new Error(`booking answered ${result.statusCode}`);
  };
  const insert = async (slot: BookableSlot) => {
    const rows = await bench.raw(BARE_INSERT_SQL, [
      slot.patient.patientId,
      slot.practitionerId,
      DEMO_LOCATION_ID,
      FOLLOW_UP_TYPE_ID,
      slot.start.toISOString(),
      slot.end.toISOString(),
      slot.patient.userId,
      now,
    ]);
    if (rows.length !== 1) throw new Error('the bare insert wrote no row');
  };

  // Warm both paths (connections, prepared plans, JIT) on a few slots that are not counted.
  const warm = 8;
  await runWithConcurrency(warm, CONCURRENCY, (i) => book(serviceSlots[i]!));
  await runWithConcurrency(warm, CONCURRENCY, (i) => insert(bareSlots[i]!));

  const perRound = Math.floor((options.perSide - warm) / options.rounds);
  let serviceMs = 0;
  let bareMs = 0;
  for (let r = 0; r < options.rounds; r += 1) {
    const offset = warm + r * perRound;
    serviceMs += await runWithConcurrency(perRound, CONCURRENCY, (i) => book(serviceSlots[offset + i]!));
    bareMs += await runWithConcurrency(perRound, CONCURRENCY, (i) => insert(bareSlots[offset + i]!));
  }
  const counted = perRound * options.rounds;
  const [{ count }] = (await bench.raw(
    `select count(*)::int as count from "appointments" where "start_at" >= $1 and "status" = 'booked'`,
    [slots[0]!.start.toISOString()],
  )) as [{ count: number }];
  if (count !== 2 * (warm + counted)) {
    throw new Error(`expected ${2 * (warm + counted)} booked appointments, found ${count}`);
  }
  log(
    `  ${bench.engine}: ${counted} bookings and ${counted} bare inserts, ${CONCURRENCY} in flight, ` +
      `${practitionerIds.length} practitioners`,
  );

  return [
    compared(
      `booking throughput, bookAppointment, ${CONCURRENCY} in flight (${bench.engine})`,
      'bookings/s',
      counted / (serviceMs / 1000),
      { name: `bare INSERT INTO appointments, ${CONCURRENCY} in flight`, value: counted / (bareMs / 1000) },
      bench.engine === 'postgres'
        ? { text: 'ratio ≥ 0.25', meets: ({ ratio }) => ratio !== undefined && ratio >= 0.25 }
        : undefined,
    ),
  ];
}
