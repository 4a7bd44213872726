import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, runMigrations } from '#db/migrate.server.ts';
import { constraintOf, sqlStateOf } from '#db/sql-state.ts';
import { type ClinicFixture, createClinicFixture } from '#tests/factories/clinic.ts';
import { openEmptyTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';

// Migration 0012 (docs/decisions/011) on a diary written under 0011, where the old check-then-write
// had let one patient be booked twice at once: the migration must not fail on those rows, must not
// change or delete a visit, and must leave the constraint in force between all other rows.

let database: TestDatabase;
let clinic: ClinicFixture;
let otherPractitionerId: string;
let thirdPractitionerId: string;

type Row = Record<string, unknown>;

async function rows(query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await database.db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** Applies the committed migrations up to and including `lastTag`, from a folder holding only those. */
async function migrateUpTo(lastTag: string) {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  const entries = journal.entries.slice(0, last + 1);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'backpoint-migrations-'));
  try {
    mkdirSync(path.join(folder, 'meta'));
    for (const entry of entries) {
      copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    }
    writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    await runMigrations(database, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** An appointment row as 0011 knows it (no patient_overlap_exempt yet), with no buffers. */
async function insertUnder0011(row: {
  id: string;
  patient?: number;
  practitionerId: string;
  start: string;
  end: string;
  status?: 'booked' | 'cancelled' | 'completed';
  createdAt: string;
}) {
  await database.db.execute(sql`
    insert into appointments (id, patient_id, practitioner_id, location_id, appointment_type_id,
                              start_at, end_at, busy_from, busy_until, status, created_at, updated_at)
    values (${row.id}::uuid, ${clinic.patientIds[row.patient ?? 0]!}::uuid, ${row.practitionerId}::uuid,
            ${clinic.locationId}::uuid, ${clinic.appointmentTypeId}::uuid, ${row.start}::timestamptz,
            ${row.end}::timestamptz, ${row.start}::timestamptz, ${row.end}::timestamptz,
            ${row.status ?? 'booked'}, ${row.createdAt}::timestamptz, ${row.createdAt}::timestamptz)`);
}

const VISIT_COLUMNS = sql`id, patient_id, practitioner_id, location_id, appointment_type_id, start_at, end_at,
  busy_from, busy_until, status, cancellation_reason, cancelled_at, sequence, created_by, created_at, updated_at`;

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let before: Row[];

beforeAll(async () => {
  database = await openEmptyTestDatabase();
  await migrateUpTo('0011_booking-functions');
  clinic = await createClinicFixture(database.db);
  otherPractitionerId = (await createClinicFixture(database.db)).practitionerId;
  thirdPractitionerId = (await createClinicFixture(database.db)).practitionerId;
  const X = clinic.practitionerId;
  const Y = otherPractitionerId;
  // Monday: booked first at 14:00 with X; a second visit with Y at 14:30 booked a day later; a third
  // with X at 15:00 that overlaps only the second, booked later still.
  await insertUnder0011({
    id: id(1),
    practitionerId: X,
    start: '2030-03-04T14:00Z',
    end: '2030-03-04T14:45Z',
    createdAt: '2030-01-01T10:00Z',
  });
  await insertUnder0011({
    id: id(2),
    practitionerId: Y,
    start: '2030-03-04T14:30Z',
    end: '2030-03-04T15:15Z',
    createdAt: '2030-01-02T10:00Z',
  });
  await insertUnder0011({
    id: id(3),
    practitionerId: X,
    start: '2030-03-04T15:00Z',
    end: '2030-03-04T15:45Z',
    createdAt: '2030-01-03T10:00Z',
  });
  // A cancelled visit over the first one, and a later visit that overlaps nothing live.
  await insertUnder0011({
    id: id(4),
    practitionerId: Y,
    start: '2030-03-04T14:00Z',
    end: '2030-03-04T14:45Z',
    status: 'cancelled',
    createdAt: '2030-01-04T10:00Z',
  });
  await insertUnder0011({
    id: id(5),
    practitionerId: X,
    start: '2030-03-04T16:00Z',
    end: '2030-03-04T16:45Z',
    createdAt: '2030-01-05T10:00Z',
  });
  // Tuesday: two visits at the same time written at the same instant (a past race) and a completed
  // visit of the other patient at that time with a third practitioner.
  await insertUnder0011({
    id: id(6),
    practitionerId: X,
    start: '2030-03-05T14:00Z',
    end: '2030-03-05T14:45Z',
    createdAt: '2030-01-06T10:00Z',
  });
  await insertUnder0011({
    id: id(7),
    practitionerId: Y,
    start: '2030-03-05T14:00Z',
    end: '2030-03-05T14:45Z',
    createdAt: '2030-01-06T10:00Z',
  });
  await insertUnder0011({
    id: id(8),
    patient: 1,
    practitionerId: thirdPractitionerId,
    start: '2030-03-05T14:00Z',
    end: '2030-03-05T14:45Z',
    status: 'completed',
    createdAt: '2030-01-06T10:00Z',
  });
  before = await rows(sql`select ${VISIT_COLUMNS} from appointments order by id`);
  await runMigrations(database);
}, 120_000);
afterAll(() => database?.close());

describe('migration 0012 on a diary that already holds double bookings of one patient', () => {
  it('changes and deletes no visit', async () => {
    const after = await rows(sql`select ${VISIT_COLUMNS} from appointments order by id`);
    expect(after).toHaveLength(8);
    expect(after).toEqual(before);
  });

  it('marks only the live visits booked later than a live visit of the same patient they overlap', async () => {
    const marks = await rows(sql`select id, patient_overlap_exempt as exempt from appointments order by id`);
    expect(Object.fromEntries(marks.map((r) => [r.id, r.exempt]))).toEqual({
      [id(1)]: false,
      [id(2)]: true,
      [id(3)]: true,
      [id(4)]: false,
      [id(5)]: false,
      [id(6)]: false,
      // Written at the same instant as 6: the tie goes by id.
      [id(7)]: true,
      [id(8)]: false,
    });
  });

  it('then refuses a new overlap with an unmarked visit of the patient', async () => {
    const outcome = await insertUnder0011({
      id: id(9),
      practitionerId: thirdPractitionerId,
      start: '2030-03-04T14:15Z',
      end: '2030-03-04T15:00Z',
      createdAt: '2030-02-01T10:00Z',
    }).then(
      () => 'written',
      (error: unknown) => ({ state: sqlStateOf(error), constraint: constraintOf(error) }),
    );
    expect(outcome).toEqual({ state: '23P01', constraint: 'appointments_patient_no_overlap' });
  });
});
