// `npm run bench` (CONTRACT.md §6): every figure beside a baseline measured in the same run, written
// to bench/results.json and printed as a table. See docs/PERFORMANCE.md.
// First, as in server/main.ts: React must load its production build, as it does in service.
import '#config/runtime-env.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchAvailability } from './availability.bench.ts';
import {
  type BenchDatabase,
  isPostgresListening,
  openPgliteBenchDatabase,
  openPostgresBenchDatabase,
  postgresVersion,
} from './bench-database.ts';
import { benchBooking } from './booking.bench.ts';
import { benchColdStart } from './cold-start.bench.ts';
import { benchLighthouse } from './lighthouse.bench.ts';
import { type BenchResult, formatTable, round } from './measure.ts';
import { benchPageQueries } from './queries.bench.ts';
import { benchWeb } from './web.bench.ts';
import { ensureSiteBuild } from './web-server.ts';

const RESULTS_FILE = new URL('./results.json', import.meta.url);
const BOOKINGS_PER_SIDE = 408;
const BOOKING_ROUNDS = 4;

const log = (line: string) => console.log(line);

function describeMachine(database: string | null) {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverage1m: round(os.loadavg()[0] ?? 0, 2),
    postgres: database,
  };
}

async function onDatabase(open: () => Promise<BenchDatabase>): Promise<BenchResult[]> {
  const bench = await open();
  try {
    log(`availability search on ${bench.engine}`);
    const results = await benchAvailability(bench, log);
    log(`booking throughput on ${bench.engine}`);
    results.push(...(await benchBooking(bench, { perSide: BOOKINGS_PER_SIDE, rounds: BOOKING_ROUNDS }, log)));
    return results;
  } finally {
    await bench.close();
  }
}

/** The parts of the bench, in the order a full run takes them. */
const PARTS: Record<string, () => Promise<BenchResult[]>> = {
  database: async () => {
    const rows = await onDatabase(openPgliteBenchDatabase);
    if (postgres) rows.push(...(await onDatabase(() => openPostgresBenchDatabase())));
    else log('PostgreSQL does not answer on 127.0.0.1:5432: its figures are skipped');
    return rows;
  },
  web: () => benchWeb(log),
  queries: () => benchPageQueries(log),
  lighthouse: () => benchLighthouse(log),
  'cold-start': () => benchColdStart(log),
};

const startedAt = Date.now();
// `npm run bench -- web lighthouse` reruns those parts only; the other parts' rows are kept from
// the previous bench/results.json (each row names its part), so one file always holds every figure.
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const part of asked) {
  if (!(part in PARTS))
    throw new Error(`unknown bench part "${part}"; parts: ${Object.keys(PARTS).join(', ')}`);
}
const partsToRun = asked.length > 0 ? asked : Object.keys(PARTS);
const postgres = (await isPostgresListening()) ? await postgresVersion() : null;
const machine = describeMachine(postgres);
log(`Backpoint bench: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
ensureSiteBuild(log);

const fresh = new Map<string, BenchResult[]>();
for (const part of partsToRun) {
  log(`— ${part}`);
  const rows = await PARTS[part]!();
  for (const row of rows) row.part = part;
  fresh.set(part, rows);
}
const kept = asked.length > 0 ? previousResults().filter((r) => r.part && !fresh.has(r.part)) : [];
const results = Object.keys(PARTS).flatMap((part) => fresh.get(part) ?? kept.filter((r) => r.part === part));

writeFileSync(
  RESULTS_FILE,
  `${JSON.stringify({ machine: { ...machine, partsRun: partsToRun }, results }, null, 2)}\n`,
);
log('');
log(formatTable(results));
log('');
log(`wrote bench/results.json in ${Math.round((Date.now() - startedAt) / 1000)} s`);

function previousResults(): BenchResult[] {
  if (!existsSync(RESULTS_FILE)) return [];
  // Written by this script; only rows that name their part are reused.
  const previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { results?: BenchResult[] };
  return previous.results ?? [];
}
