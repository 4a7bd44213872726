import { describe, expect, it } from 'vitest';
import { compared, figure, formatTable, percentile, runWithConcurrency } from '../bench/measure.ts';
import { scriptsOfPage } from '../bench/web.bench.ts';

describe('bench measuring tools', () => {
  it('takes nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(() => percentile([], 50)).toThrow();
  });

  it('never has more than the given number of tasks in flight, and runs each once', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await runWithConcurrency(25, 4, async (i) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(i);
      inFlight -= 1;
    });
    expect(most).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('states the ratio to a named baseline and whether the target is met', () => {
    const row = compared(
      'x',
      'ms',
      30,
      { name: 'raw', value: 10 },
      { text: 'ratio ≤ 3', meets: ({ ratio }) => ratio !== undefined && ratio <= 3 },
    );
    expect(row).toMatchObject({ value: 30, baseline: 10, baselineName: 'raw', ratio: 3, meetsTarget: true });
  });

  it('prints why a figure has no baseline in the baseline column', () => {
    const row = { ...figure('score', 'score', 98, { text: '≥ 95', meets: ({ value }) => value >= 95 }) };
    row.note = 'none: absolute';
    const table = formatTable([row, compared('t', 'ms', 2, { name: 'raw', value: 1 })]);
    expect(table).toMatch(/98 score\s+none: absolute\s+≥ 95 met/);
    expect(table).toMatch(/2 ms\s+1 ms \(raw\)\s+2×/);
  });

  it('lists the scripts a page loads: modulepreload links and module imports, once each', () => {
    const html = `<link rel="modulepreload" href="/assets/entry.client-A.js" nonce="n"/>
<link rel="modulepreload" href="/assets/chunk-B.js"/><link rel="stylesheet" href="/assets/s.css"/>
<script type="module" async="">import * as route0 from "/assets/root-C.js";
import "/assets/chunk-B.js"; window.x = {"module": "/assets/not-imported.js"};</script>`;
    expect(scriptsOfPage(html)).toEqual([
      '/assets/entry.client-A.js',
      '/assets/chunk-B.js',
      '/assets/root-C.js',
    ]);
  });
});
