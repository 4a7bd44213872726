// The hot queries use their indexes (issue 10), shown by PostgreSQL's own plans: availability's four
// reads, an appointment by id, the outbox claim and a session by its token hash. The statements are
// the ones the services really send (captured by wrapping the driver), EXPLAINed with their
// parameters on tables filled with enough rows (and ANALYZEd) that a sequential scan would be the
// cheaper plan if an index were missing. PostgreSQL only (`npm run test:postgres`).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, resolveSession } from '#services/auth/sessions.ts';
import { findAppointmentRecord } from '#services/booking/appointment-view.ts';
import { loadSchedulingData } from '#services/booking/scheduling-data.ts';
import type { ServiceContext } from '#services/context.ts';
import { claimDueMessages } from '#services/mail/deliver-outbox.ts';
import { type ClinicFixture, createClinicFixture } from '#tests/factories/clinic.ts';
import { countQueries, type QueryCounter } from '#tests/setup/query-counter.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

const PRACTITIONERS = 500;
const APPOINTMENTS_EACH = 40; // 20,000 appointments
const ROWS = 20_000; // sessions, sent emails

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
};
type Client = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

let database: TestDatabase;
let ctx: ServiceContext;
let raw: Client;
let counter: QueryCounter;
let clinic: ClinicFixture;
let practitionerIds: string[];
const tag = randomBytes(4).toString('hex');

beforeAll(async () => {
  database = await openTestDatabase();
  if (database.label !== 'postgres') throw new Error('query plans are checked on PostgreSQL only');
  ctx = createTestServices(database, createTestClock('2025-06-02T12:00:00Z'));
  // The pg Pool Drizzle was given (db/client.server.ts).
  raw = (database.db as unknown as { $client: Client }).$client;
  clinic = await createClinicFixture(database.db);
  await fill();
  counter = countQueries(database.db);
}, 120_000);
afterAll(() => database?.close());

async function fill() {
  const q = (text: string, params: unknown[] = []) => raw.query(text, params);
  await q(
    `insert into users (email, password_hash, role, display_name)
     select 'p' || g || '-' || $1 || '@plans.test', 'x', 'practitioner', 'P' || g from generate_series(1, $2) g`,
    [tag, PRACTITIONERS],
  );
  const { rows } = await q(
    `insert into practitioners (user_id, slug, display_name, credentials, bio)
     select id, 'plans-' || $1 || '-' || display_name, display_name, 'L.Ac.', '' from users
      where email like '%-' || $1 || '@plans.test' returning id`,
    [tag],
  );
  practitionerIds = rows.map((r) => String(r.id));
  const mine = `(select id from practitioners where slug like 'plans-' || $1 || '-%')`;
  await q(
    `insert into working_hours (practitioner_id, location_id, weekday, starts_at, ends_at)
     select p.id, $2, w, '09:00', '17:00' from ${mine} p, generate_series(1, 5) w`,
    [tag, clinic.locationId],
  );
  await q(
    `insert into schedule_overrides (practitioner_id, location_id, on_date, starts_at, ends_at)
     select p.id, $2, date '2024-01-06' + g * 7, '10:00', '14:00' from ${mine} p, generate_series(0, 39) g`,
    [tag, clinic.locationId],
  );
  await q(
    `insert into time_off (practitioner_id, start_at, end_at)
     select p.id, timestamptz '2023-01-01T00:00Z' + g * interval '30 days',
            timestamptz '2023-01-02T00:00Z' + g * interval '30 days' from ${mine} p, generate_series(0, 19) g`,
    [tag],
  );
  // A patient of their own for each practitioner: every diary is filled at the same hours, and the
  // database refuses one patient two visits at once (migration 0012).
  await q(
    `insert into patients (given_name, family_name)
     select 'Plans', 'plans-' || $1 || '-' || p.id from ${mine} p`,
    [tag],
  );
  await q(
    `insert into appointments (patient_id, practitioner_id, location_id, appointment_type_id, start_at, end_at, busy_from, busy_until, status)
     select pt.id, p.id, $2, $3, timestamptz '2024-06-03T14:00Z' + g * interval '1 day',
            timestamptz '2024-06-03T14:45Z' + g * interval '1 day',
            timestamptz '2024-06-03T14:00Z' + g * interval '1 day',
            timestamptz '2024-06-03T14:45Z' + g * interval '1 day', 'booked'
       from ${mine} p join patients pt on pt.family_name = 'plans-' || $1 || '-' || p.id,
            generate_series(0, $4 - 1) g`,
    [tag, clinic.locationId, clinic.appointmentTypeId, APPOINTMENTS_EACH],
  );
  await q(
    `insert into sessions (token_hash, user_id, kind, expires_at)
     select md5(g || $1), $2, 'browser', now() + interval '1 hour' from generate_series(1, $3) g`,
    [tag, clinic.practitionerUserId, ROWS],
  );
  await q(
    `insert into outbox_messages (kind, dedupe_key, recipient, subject, body_text, status, attempts, sent_at, created_at, updated_at)
     select 'confirmation', 'plans-' || $1 || '-' || g, 'x@plans.test', 's', 'b', 'sent', 1, now(), now(), now()
       from generate_series(1, $2) g`,
    [tag, ROWS],
  );
  await q(
    `insert into outbox_messages (kind, dedupe_key, recipient, subject, body_text, status, next_attempt_at, created_at, updated_at)
     select 'reminder', 'plans-due-' || $1 || '-' || g, 'x@plans.test', 's', 'b', 'queued', timestamptz '2025-06-01T00:00Z', now(), now()
       from generate_series(1, 5) g`,
    [tag],
  );
  await q('analyze');
}

/** Every scan in PostgreSQL's plan for one captured statement. */
type Scan = { type: string; relation?: string; index?: string };

async function scansOf(call: { sql: string; params: unknown[] }) {
  const { rows } = await raw.query(`explain (format json) ${call.sql}`, call.params);
  // EXPLAIN (FORMAT JSON) answers one row holding a list with one plan.
  const [explained] = rows[0]!['QUERY PLAN'] as Array<{ Plan: PlanNode }>;
  return scansOfPlan(explained!.Plan);
}

/**
 * The scans of the statements run inside a database function that `call` invokes: EXPLAIN shows
 * only a Function Scan, so the function is run with auto_explain logging its nested statements'
 * plans as notices, on a connection of its own that is closed afterwards.
 */
async function nestedScansOf(call: { sql: string; params: unknown[] }) {
  const client = await (raw as unknown as pg.Pool).connect();
  const plans: string[] = [];
  client.on('notice', (notice) => plans.push(notice.message ?? ''));
  try {
    await client.query("load 'auto_explain'");
    await client.query(`set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on;
      set auto_explain.log_format = 'json'; set auto_explain.log_level = 'notice'`);
    await client.query(call.sql, call.params);
  } finally {
    client.release(true);
  }
  const scans: Scan[] = [];
  for (const message of plans) {
    const json = message.slice(message.indexOf('{'));
    const logged = JSON.parse(json) as { 'Query Text': string; Plan: PlanNode };
    if (logged['Query Text'] === call.sql) continue; // the outer call itself
    scans.push(...scansOfPlan(logged.Plan));
  }
  return scans;
}

function scansOfPlan(plan: PlanNode): Scan[] {
  const scans: Scan[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'] !== 'ModifyTable' && (node['Relation Name'] || node['Index Name'])) {
      scans.push({
        type: node['Node Type'],
        ...(node['Relation Name'] ? { relation: node['Relation Name'] } : {}),
        ...(node['Index Name'] ? { index: node['Index Name'] } : {}),
      });
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return scans;
}

/** Runs `work`, finds the statement that reads `table`, and returns the scans of its plan. */
async function planOf(work: () => Promise<unknown>, table: string) {
  const before = counter.calls.length;
  await work();
  const call = counter.calls
    .slice(before)
    .find((c) => new RegExp(`(from|update) "?${table}"?\\b`).test(c.sql));
  if (!call) throw new Error(`no statement on ${table}`);
  return { sql: call.sql, scans: await scansOf(call) };
}

function expectIndexUsed(
  found: { sql: string; scans: Awaited<ReturnType<typeof scansOf>> },
  table: string,
  indexes: string[],
) {
  const onTable = found.scans.filter((s) => s.relation === table || (s.index && indexes.includes(s.index)));
  expect(
    onTable.filter((s) => s.type === 'Seq Scan'),
    found.sql,
  ).toEqual([]);
  expect(
    onTable.some((s) => s.index && indexes.includes(s.index)),
    `${found.sql}\n${JSON.stringify(found.scans)}`,
  ).toBe(true);
}

describe('hot queries use their indexes on PostgreSQL', () => {
  const searchFor = () => {
    const from = Temporal.Instant.from('2024-06-10T04:00:00Z');
    return loadSchedulingData(database.db, practitionerIds.slice(0, 3), from, from.add({ hours: 62 * 24 }));
  };

  it("availability: the practitioners' working hours", async () => {
    expectIndexUsed(await planOf(searchFor, 'working_hours'), 'working_hours', [
      'working_hours_practitioner_idx',
    ]);
  });

  it('availability: date overrides in the window', async () => {
    expectIndexUsed(await planOf(searchFor, 'schedule_overrides'), 'schedule_overrides', [
      'schedule_overrides_practitioner_date_idx',
    ]);
  });

  it('availability: time off overlapping the window', async () => {
    expectIndexUsed(await planOf(searchFor, 'time_off'), 'time_off', ['time_off_practitioner_range_idx']);
  });

  it('availability: live appointments overlapping the window', async () => {
    const found = await planOf(searchFor, 'appointments');
    expectIndexUsed(found, 'appointments', [
      'appointments_practitioner_start_idx',
      'appointments_no_overlap',
    ]);
  });

  it('an appointment by id', async () => {
    const [row] = (
      await raw.query('select id from appointments where practitioner_id = $1 limit 1', [practitionerIds[7]])
    ).rows;
    const found = await planOf(() => findAppointmentRecord(database.db, String(row!.id)), 'appointments');
    expectIndexUsed(found, 'appointments', ['appointments_pkey']);
  });

  it('the outbox claim of due messages', async () => {
    const found = await planOf(() => claimDueMessages(ctx, `plans-${tag}`, 10), 'outbox_messages');
    expectIndexUsed(found, 'outbox_messages', ['outbox_messages_due_idx']);
  });

  it('a session by its token hash (inside the function session_viewer)', async () => {
    const session = await createSession(ctx, clinic.practitionerUserId, 'browser');
    const before = counter.calls.length;
    expect(await resolveSession(ctx, session.token, 'browser')).toMatchObject({
      userId: clinic.practitionerUserId,
    });
    const call = counter.calls.slice(before).find((c) => c.sql.includes('session_viewer('));
    if (!call) throw new Error('no call of session_viewer');
    const scans = await nestedScansOf(call);
    expect(scans.length, 'the function ran no statement').toBeGreaterThan(0);
    expectIndexUsed({ sql: call.sql, scans }, 'sessions', ['sessions_token_hash_key']);
  });
});
