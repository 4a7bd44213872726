// CPU time spent by the processes of a benchmark, read from Linux's /proc: this process, an
// optional server process, and every PostgreSQL process on the machine. On a machine where they
// all share the same cores, a throughput ratio is in effect a ratio of CPU per operation; these
// figures show where that CPU goes (docs/PERFORMANCE.md, "Why 0.25 is out of reach here").
import { readdirSync, readFileSync } from 'node:fs';

export type CpuReading = { bench: number; server: number; postgres: number };

/** Whether /proc can be read here (Linux); elsewhere the bench leaves the CPU figures out. */
export function canReadProcessCpu(): boolean {
  try {
    readFileSync('/proc/self/stat', 'utf8');
    return true;
  } catch {
    return false;
  }
}

// utime + stime, in clock ticks (USER_HZ, 100 on Linux), fields 14 and 15 of /proc/<pid>/stat;
// counted after the command name, which may itself contain spaces.
function processCpuMs(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0; // the process has ended
  }
}

function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    total += processCpuMs(entry);
  }
  return total;
}

export function readCpu(serverPid?: number): CpuReading {
  const own = process.cpuUsage();
  return {
    bench: (own.user + own.system) / 1000,
    server: serverPid === undefined ? 0 : processCpuMs(serverPid),
    postgres: postgresCpuMs(),
  };
}

export function cpuBetween(before: CpuReading, after: CpuReading): CpuReading {
  return {
    bench: after.bench - before.bench,
    server: after.server - before.server,
    postgres: after.postgres - before.postgres,
  };
}

export function addCpu(a: CpuReading, b: CpuReading): CpuReading {
  return { bench: a.bench + b.bench, server: a.server + b.server, postgres: a.postgres + b.postgres };
}

export const NO_CPU: CpuReading = { bench: 0, server: 0, postgres: 0 };
