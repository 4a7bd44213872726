// Booking throughput (issue 5, issue 10): bookings with several in flight, beside a bare INSERT of an
// equivalent appointment row at the same concurrency, in alternating rounds on separate slots of the
// same days. Twice: `bookAppointment` called in this process (both engines), and
// `POST /api/v1/appointments` over HTTP to a server process on the same PostgreSQL database (the
// figure issue 10's target is set for).
import http from 'node:http';
import { Temporal } from 'temporal-polyfill';
import { createSession } from '#services/auth/sessions.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { systemClock } from '#services/context.ts';
import { DEMO_LOCATION_ID } from '#services/demo/load-demo-data.ts';
import { findFreePort, spawnServer, waitForOutput } from '#tests/setup/server-process.ts';
import { BENCH_NOW, type BenchDatabase } from './bench-database.ts';
import {
  addPractitioners,
  type BookableSlot,
  CLINIC_ZONE,
  FOLLOW_UP_TYPE_ID,
  followUpSlots,
  PRACTITIONER_IDS,
} from './clinic-load.ts';
import { addCpu, type CpuReading, canReadProcessCpu, cpuBetween, NO_CPU, readCpu } from './cpu-meter.ts';
import { type BenchResult, compared, round, runWithConcurrency } from './measure.ts';

const CONCURRENCY = 8;
// Three demo practitioners and thirteen more: slots dealt out in turn spread the bookings in flight
// over many diaries, as in a clinic group rather than one diary under siege.
const EXTRA_PRACTITIONERS = 13;

// The same row the service writes: the follow-up type has no buffers, so its busy time is the visit.
const BARE_INSERT_SQL = `insert into "appointments" ("patient_id", "practitioner_id", "location_id", "appointment_type_id", "start_at", "end_at", "busy_from", "busy_until", "status", "created_by", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $5, $6, 'booked', $7, $8, $8) returning "id"`;

const BARE_NAME = `bare INSERT INTO appointments, ${CONCURRENCY} in flight`;
const TARGET = {
  text: 'ratio ≥ 0.25',
  meets: ({ ratio }: { ratio?: number }) => ratio !== undefined && ratio >= 0.25,
};

type Book = (slot: BookableSlot) => Promise<void>;
type Options = { perSide: number; rounds: number };

export async function benchBooking(
  bench: BenchDatabase,
  options: Options,
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
  const book: Book = async (slot) => {
    const result = await bookAppointment(
      bench.ctx,
      { userId: slot.patient.userId, role: 'patient' },
      { practitionerId: slot.practitionerId, appointmentType: 'follow-up', start: slot.start.toISOString() },
    );
    if (result.statusCode !== 201) throw new Error(`booking answered ${result.statusCode}`);
  };
  const slots = followUpSlots(firstDay, options.perSide * 2, practitionerIds);
  const inProcess = await alternateWithBareInsert(bench, book, slots, options);
  log(
    `  ${bench.engine}: ${inProcess.counted} bookings in process and ${inProcess.counted} bare inserts, ` +
      `${CONCURRENCY} in flight, ${practitionerIds.length} practitioners`,
  );
  const results = [
    compared(
      `booking throughput, bookAppointment in process, ${CONCURRENCY} in flight (${bench.engine})`,
      'bookings/s',
      inProcess.service,
      { name: BARE_NAME, value: inProcess.bare },
    ),
  ];
  if (bench.engine === 'postgres' && bench.url) {
    const overHttp = await benchBookingOverHttp(bench, bench.url, practitionerIds, options);
    log(`  postgres: ${overHttp.counted} bookings over HTTP and ${overHttp.counted} bare inserts`);
    results.push(
      compared(
        `booking throughput, POST /api/v1/appointments over HTTP, ${CONCURRENCY} in flight (postgres)`,
        'bookings/s',
        overHttp.service,
        { name: BARE_NAME, value: overHttp.bare },
        TARGET,
      ),
    );
    if (overHttp.cpu) {
      const row = cpuRow(overHttp.cpu, overHttp.counted);
      log(`  postgres: CPU per operation, ${row.note}`);
      results.push(row);
    }
  }
  return results;
}

/**
 * The real server in a process of its own (started from source, as the process tests start it) on
 * the bench's PostgreSQL database, with the system clock; patients with API tokens; bookings from
 * this process over keep-alive connections. Its mail worker is off: sending email is not booking.
 */
async function benchBookingOverHttp(
  bench: BenchDatabase,
  databaseUrl: string,
  practitionerIds: string[],
  options: Options,
) {
  const port = await findFreePort();
  const server = spawnServer({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    DEMO_DATA: '0',
    MAIL_WORKER: '0',
  });
  // node:http with keep-alive, not fetch: Node's fetch cost 1.8 ms of CPU per request here, more
  // than the server, and this process shares the machine with the server and the database.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    await waitForOutput(server, /Backpoint is running/);
    // Three weeks from the real today, since the server books against the system clock.
    const firstDay = Temporal.Now.plainDateISO(CLINIC_ZONE).add({ days: 21 });
    const slots = followUpSlots(firstDay, options.perSide * 2, practitionerIds);
    const tokens = new Map<string, string>();
    for (const slot of slots) {
      if (tokens.has(slot.patient.userId)) continue;
      const session = await createSession({ ...bench.ctx, clock: systemClock }, slot.patient.userId, 'api');
      tokens.set(slot.patient.userId, session.token);
    }
    const book: Book = (slot) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({
          practitionerId: slot.practitionerId,
          appointmentType: 'follow-up',
          start: slot.start.toISOString(),
        });
        const request = http.request(
          {
            agent,
            host: '127.0.0.1',
            port,
            path: '/api/v1/appointments',
            method: 'POST',
            headers: {
              authorization: `Bearer ${tokens.get(slot.patient.userId)}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              // As browsers and HTTP libraries send it.
              'accept-encoding': 'gzip, deflate',
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              if (res.statusCode === 201) resolve();
              else
                reject(
                  new Error(`POST /api/v1/appointments answered ${res.statusCode}: ${Buffer.concat(chunks)}`),
                );
            });
            res.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    return await alternateWithBareInsert(bench, book, slots, options, server.child.pid);
  } finally {
    agent.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

/**
 * Even slots to `book`, odd ones to the bare INSERT, 8 in flight each: a few uncounted warm-up
 * bookings, then alternating rounds. Checks that every row is there. Rates per second.
 */
async function alternateWithBareInsert(
  bench: BenchDatabase,
  book: Book,
  slots: BookableSlot[],
  options: Options,
  serverPid?: number,
) {
  const serviceSlots = slots.filter((_, i) => i % 2 === 0);
  const bareSlots = slots.filter((_, i) => i % 2 === 1);
  const now = bench.ctx.clock.now().toISOString();
  const insert: Book = async (slot) => {
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

  // Warm both paths (connections, cached plans, JIT) on a few slots that are not counted.
  const warm = 8;
  await runWithConcurrency(warm, CONCURRENCY, (i) => book(serviceSlots[i]!));
  await runWithConcurrency(warm, CONCURRENCY, (i) => insert(bareSlots[i]!));

  const perRound = Math.floor((options.perSide - warm) / options.rounds);
  let serviceMs = 0;
  let bareMs = 0;
  // CPU of every process involved, per side, when a server process is measured on PostgreSQL.
  const meterCpu = serverPid !== undefined && bench.engine === 'postgres' && canReadProcessCpu();
  let serviceCpu = NO_CPU;
  let bareCpu = NO_CPU;
  const timed = async (run: () => Promise<number>): Promise<[number, CpuReading]> => {
    const before = meterCpu ? readCpu(serverPid) : NO_CPU;
    const ms = await run();
    return [ms, meterCpu ? cpuBetween(before, readCpu(serverPid)) : NO_CPU];
  };
  for (let r = 0; r < options.rounds; r += 1) {
    const offset = warm + r * perRound;
    const [sMs, sCpu] = await timed(() =>
      runWithConcurrency(perRound, CONCURRENCY, (i) => book(serviceSlots[offset + i]!)),
    );
    const [bMs, bCpu] = await timed(() =>
      runWithConcurrency(perRound, CONCURRENCY, (i) => insert(bareSlots[offset + i]!)),
    );
    serviceMs += sMs;
    bareMs += bMs;
    serviceCpu = addCpu(serviceCpu, sCpu);
    bareCpu = addCpu(bareCpu, bCpu);
  }
  const counted = perRound * options.rounds;
  const last = slots.at(-1)!;
  const [{ count }] = (await bench.raw(
    `select count(*)::int as count from "appointments" where "start_at" >= $1 and "start_at" <= $2 and "status" = 'booked'`,
    [slots[0]!.start.toISOString(), last.start.toISOString()],
  )) as [{ count: number }];
  if (count !== 2 * (warm + counted)) {
    throw new Error(`expected ${2 * (warm + counted)} booked appointments, found ${count}`);
  }
  return {
    service: counted / (serviceMs / 1000),
    bare: counted / (bareMs / 1000),
    counted,
    ...(meterCpu ? { cpu: { service: serviceCpu, bare: bareCpu } } : {}),
  };
}

/**
 * CPU per booking over HTTP (the bench's client, the server, PostgreSQL) beside CPU per bare
 * INSERT (the bench's client, PostgreSQL), from /proc. On a machine where all of them share the
 * cores, the throughput ratio follows this one. PostgreSQL's figure counts every postgres process
 * on the machine, its background writers included, on both sides alike.
 */
function cpuRow(cpu: { service: CpuReading; bare: CpuReading }, counted: number): BenchResult {
  const per = (reading: CpuReading) => ({
    bench: reading.bench / counted,
    server: reading.server / counted,
    postgres: reading.postgres / counted,
  });
  const service = per(cpu.service);
  const bare = per(cpu.bare);
  const ms = (value: number) => `${round(value, 2)} ms`;
  return {
    ...compared(
      'CPU per booking over HTTP: bench client + server + PostgreSQL (postgres)',
      'ms',
      service.bench + service.server + service.postgres,
      { name: 'CPU per bare INSERT: bench client + PostgreSQL', value: bare.bench + bare.postgres },
    ),
    note:
      `booking: client ${ms(service.bench)}, server ${ms(service.server)}, PostgreSQL ${ms(service.postgres)}; ` +
      `bare INSERT: client ${ms(bare.bench)}, PostgreSQL ${ms(bare.postgres)}`,
  };
}
