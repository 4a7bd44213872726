// `npm run bench` (CONTRACT.md §6): every figure beside a baseline measured in the same run, written
// to bench/results.json and printed as a table. See docs/PERFORMANCE.md.
// First, as in server/main.ts: React must load its production build, as it does in service.
import '#config/runtime-env.ts';
import { writeFileSync } from 'node:fs';
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
import { type BenchResult, formatTable, round } from './measure.ts';
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

const startedAt = Date.now();
const postgres = (await isPostgresListening()) ? await postgresVersion() : null;
const machine = describeMachine(postgres);
log(`Backpoint bench: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
ensureSiteBuild(log);

const results: BenchResult[] = [];
results.push(...(await onDatabase(openPgliteBenchDatabase)));
if (postgres) {
  results.push(...(await onDatabase(() => openPostgresBenchDatabase())));
} else {
  log('PostgreSQL does not answer on 127.0.0.1:5432: its figures are skipped');
}
log('article page and client JavaScript');
results.push(...(await benchWeb(log)));
log('cold start');
results.push(...(await benchColdStart(log)));

writeFileSync(RESULTS_FILE, `${JSON.stringify({ machine, results }, null, 2)}\n`);
log('');
log(formatTable(results));
log('');
log(`wrote bench/results.json in ${Math.round((Date.now() - startedAt) / 1000)} s`);
