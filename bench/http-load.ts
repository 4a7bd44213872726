// A keep-alive HTTP load loop: autocannon's command line in a child process, so the load generator
// gets its own core instead of sharing the event loop of the server it measures.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const AUTOCANNON_CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export type LoadResult = {
  seconds: number;
  ok: number;
  notOk: number;
  errors: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
};

type AutocannonJson = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number };
};

/** `connections` keep-alive connections sending GET `url` for `seconds`. */
export function runHttpLoad(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [AUTOCANNON_CLI, '--json', '--connections', String(connections), '--duration', String(seconds), url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.trim()}`));
      try {
        // autocannon's --json output; only the fields read below are relied on.
        const r = JSON.parse(out) as AutocannonJson;
        resolve({
          seconds: r.duration,
          ok: r['2xx'],
          notOk: r.non2xx,
          errors: r.errors + r.timeouts,
          requestsPerSecond: r['2xx'] / r.duration,
          latencyP50Ms: r.latency.p50,
          latencyP99Ms: r.latency.p99,
        });
      } catch (error) {
        reject(error);
      }
    });
  });
}
