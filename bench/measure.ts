// Small measuring tools shared by the benchmarks: wall-clock timing, percentiles, a fixed-concurrency
// runner, and the result rows written to bench/results.json (CONTRACT.md §6).
import { performance } from 'node:perf_hooks';

export type BenchResult = {
  name: string;
  unit: string;
  value: number;
  /** The figure the value is compared with, in the same unit, measured side by side in the same run. */
  baseline?: number;
  /** What the baseline is. */
  baselineName?: string;
  /** value / baseline */
  ratio?: number;
  /** The figure the project aims for, e.g. "≤ 3" for a ratio. */
  target?: string;
  /** Whether the value (or ratio, when there is a baseline) meets the target. */
  meetsTarget?: boolean;
  /** Why a figure has no baseline, or anything else a reader of the row needs. */
  note?: string;
  /** The part of the bench that measured it (`npm run bench -- <part>` reruns one part). */
  part?: string;
};

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Nearest-rank percentile (p in 0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Milliseconds taken by one call. */
export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Times two pieces of work in alternation (A, B, A, B …), so that whatever else the machine is
 * doing at a given moment weighs on both sides alike. Stops after `iterations` pairs or `maxMs`.
 */
export async function timeAlternately(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  options: { warmup: number; iterations: number; maxMs: number },
): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < options.warmup; i += 1) {
    await a();
    await b();
  }
  const times = { a: [] as number[], b: [] as number[] };
  const started = performance.now();
  for (let i = 0; i < options.iterations && performance.now() - started < options.maxMs; i += 1) {
    times.a.push(await timeOnce(a));
    times.b.push(await timeOnce(b));
  }
  return times;
}

/**
 * Runs `work(0) … work(count - 1)` with at most `concurrency` in flight; returns the wall time in ms.
 * Any failure stops the run: a benchmark must not count refusals as throughput.
 */
export async function runWithConcurrency(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return performance.now() - started;
}

export type Target = { text: string; meets: (measured: { value: number; ratio?: number }) => boolean };

/** A result row with its side-by-side baseline and the ratio between them. */
export function compared(
  name: string,
  unit: string,
  value: number,
  baseline: { name: string; value: number },
  target?: Target,
): BenchResult {
  const ratio = value / baseline.value;
  return {
    name,
    unit,
    value: round(value),
    baseline: round(baseline.value),
    baselineName: baseline.name,
    ratio: round(ratio, 3),
    ...(target ? { target: target.text, meetsTarget: target.meets({ value, ratio }) } : {}),
  };
}

/** A figure with no baseline of its own (a baseline row, or a value with an absolute target). */
export function figure(name: string, unit: string, value: number, target?: Target): BenchResult {
  return {
    name,
    unit,
    value: round(value),
    ...(target ? { target: target.text, meetsTarget: target.meets({ value }) } : {}),
  };
}

export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    r.baseline === undefined ? (r.note ?? '') : `${r.baseline} ${r.unit} (${r.baselineName})`,
    r.ratio === undefined ? '' : `${r.ratio}×`,
    r.target ? `${r.target} ${r.meetsTarget ? 'met' : 'NOT met'}` : '',
  ]);
  const header = ['benchmark', 'value', 'baseline (same run)', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
